package closedloop.notification.message.web;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageFilter;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Messages;
import closedloop.platform.security.Caller;
import closedloop.platform.web.FieldError;
import closedloop.platform.web.OneOf;
import closedloop.platform.web.Problems;
import jakarta.validation.constraints.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The messages: those about a complaint, to a recipient (a branch's inbox: {@code branch:<code>}), in a status, or any
 * combination of these, oldest first, a page at a time.
 */
@RestController
@RequestMapping("/api/v1/messages")
@RequiredArgsConstructor
public class MessageController {

    /** The header that tells how many messages match, over all pages. */
    static final String TOTAL_COUNT = "X-Total-Count";
    /** 0 to 999999, as text so that a non-number is reported like an out-of-range number. */
    private static final String PAGE = "0|[1-9][0-9]{0,5}";
    /** 1 to 200. */
    private static final String SIZE = "[1-9][0-9]?|1[0-9]{2}|200";
    private static final String ONE_FILTER = "give complaintId, recipient or status";

    private final Messages messages;

    /**
     * The messages matching every filter given (at least one of complaintId, recipient and status), oldest first, as
     * a JSON array of page {@code page} (from 0) of {@code size} messages (1 to 200, default 50); header
     * {@code X-Total-Count} tells how many match in all.
     */
    @GetMapping
    public Mono<ResponseEntity<Flux<MessageView>>> list(
            @RequestParam(required = false) String complaintId,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) @OneOf(MessageStatus.class) String status,
            @RequestParam(defaultValue = "0")
            @Pattern(regexp = PAGE, message = "must be a whole number from 0 to 999999") String page,
            @RequestParam(defaultValue = "50")
            @Pattern(regexp = SIZE, message = "must be a whole number from 1 to 200") String size,
            Caller caller) {
        if (!Message.readableBy(caller, textOrNull(recipient))) {
            return Mono.error(Problems.forbidden("A dispatcher reads the messages to their own branches only"));
        }
        MessageFilter filter = new MessageFilter(textOrNull(complaintId), textOrNull(recipient),
                status == null ? null : MessageStatus.valueOf(status));
        if (filter.isEmpty()) {
            return Mono.error(noFilter());
        }
        Flux<MessageView> found = messages.find(filter, Integer.parseInt(page), Integer.parseInt(size))
                .map(MessageView::of);
        return messages.count(filter)
                .map(total -> ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(total)).body(found));
    }

    private static ErrorResponseException noFilter() {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalidFields(List.of(
                new FieldError("complaintId", ONE_FILTER), new FieldError("recipient", ONE_FILTER),
                new FieldError("status", ONE_FILTER))), null);
    }

    private static String textOrNull(String text) {
        return StringUtils.hasText(text) ? text.strip() : null;
    }
}
