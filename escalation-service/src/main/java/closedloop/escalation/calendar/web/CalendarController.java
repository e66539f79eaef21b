package closedloop.escalation.calendar.web;

import closedloop.escalation.calendar.CalendarBook;
import closedloop.escalation.calendar.CalendarStatus;
import closedloop.platform.security.Actor;
import closedloop.platform.web.FieldError;
import closedloop.platform.web.Problems;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The business calendar: which years it knows and whether next year's is missing, for everyone on the staff; a year's
 * calendar uploaded by an administrator, stored as that year's next version (who and when) and counted with at once.
 */
@RestController
@RequiredArgsConstructor
public class CalendarController {

    private final CalendarBook book;

    /** The years held, where each came from, and whether next year's is missing. */
    @GetMapping("/api/v1/calendars")
    public CalendarStatus calendars() {
        return book.status();
    }

    /** Uploads a year (admin); 400 naming each bad entry, nothing stored; the calendars as they are after it. */
    @PutMapping("/api/v1/admin/calendars/{region}/{year}")
    public Mono<CalendarStatus> upload(@PathVariable String region, @PathVariable int year,
                                       @RequestBody CalendarUploadRequest request, @Actor String actor) {
        List<FieldError> errors = request.errors(region, year, book.region(), book.calendar());
        if (!errors.isEmpty()) {
            return Mono.error(Problems.badRequest(errors));
        }
        return book.upload(request.toYear(), actor)
                .map(stored -> book.status())
                .onErrorMap(DuplicateKeyException.class, race -> Problems.conflict("Uploaded concurrently",
                        "Another version of " + year + " was uploaded at the same moment; read it and try again"));
    }
}
