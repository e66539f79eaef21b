package closedloop.notification.callback.web;

import closedloop.contracts.CallbackAttemptResult;
import closedloop.contracts.CallbackOutcome;
import closedloop.notification.callback.AttemptTooSoon;
import closedloop.notification.callback.CallbackFilter;
import closedloop.notification.callback.CallbackService;
import closedloop.notification.callback.CallbackStatus;
import closedloop.notification.callback.Callbacks;
import closedloop.platform.security.Actor;
import closedloop.platform.web.OneOf;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The hotline's callback tasks: the worklist to work through, the recording of each call and of each call's
 * outcome.
 */
@RestController
@RequestMapping("/api/v1/callbacks")
@RequiredArgsConstructor
public class CallbackController {

    /** The header that carries how many callbacks the filter lets through across all pages. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    private final Callbacks callbacks;
    private final CallbackService service;
    private final Clock clock;

    /**
     * One page of the callbacks, optionally only those DUE or in a state and/or of a complaint, soonest due first;
     * a JSON array, with the total across pages in {@value #TOTAL_COUNT}.
     */
    @GetMapping
    public Mono<ResponseEntity<List<CallbackView>>> list(
            @RequestParam(required = false) @OneOf(CallbackWorklistStatus.class) String status,
            @RequestParam(required = false) String complaintId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Instant now = clock.instant();
        CallbackFilter filter = filter(status, complaintId);
        return callbacks.find(filter, now, page, size)
                .map(callback -> CallbackView.of(callback, now))
                .collectList()
                .zipWith(callbacks.count(filter, now), (items, total) -> ResponseEntity.ok()
                        .header(TOTAL_COUNT, Long.toString(total))
                        .body(items));
    }

    /** One callback, with its calls, its survey and what may be done with it now. */
    @GetMapping("/{id}")
    public Mono<CallbackView> one(@PathVariable String id) {
        return callbacks.findById(id)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("callback", id)))
                .map(callback -> CallbackView.of(callback, clock.instant()));
    }

    private static CallbackFilter filter(String status, String complaintId) {
        if (status == null) {
            return new CallbackFilter(null, false, complaintId);
        }
        if (CallbackWorklistStatus.valueOf(status) == CallbackWorklistStatus.DUE) {
            return CallbackFilter.due(complaintId);
        }
        return new CallbackFilter(CallbackStatus.valueOf(status), false, complaintId);
    }

    /**
     * Records one call to the customer (OPEN → OPEN, or → SURVEY_SENT after the last failed call); 409 when the
     * callback takes no more calls (answered by the platform) or the previous call was too recent
     * ({@code nextAttemptAt}).
     */
    @PostMapping("/{id}/attempts")
    public Mono<CallbackView> recordAttempt(@PathVariable String id, @Valid @RequestBody AttemptRequest request,
                                            @Actor String actor) {
        return service.attempt(id, CallbackAttemptResult.valueOf(request.result()), request.note(), actor)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("callback", id)))
                .onErrorMap(AttemptTooSoon.class, CallbackController::tooSoon)
                .map(callback -> CallbackView.of(callback, clock.instant()));
    }

    /**
     * Records what the customer said, with their survey answers if given: OPEN or SURVEY_SENT → COMPLETED; 409 when
     * it is completed, or for UNREACHABLE before every call failed (only from SURVEY_SENT).
     */
    @PostMapping("/{id}/outcome")
    public Mono<CallbackView> recordOutcome(@PathVariable String id, @Valid @RequestBody OutcomeRequest request,
                                            @Actor String actor) {
        return service.complete(id, CallbackOutcome.valueOf(request.outcome()), request.note(),
                        request.survey() == null ? null : request.survey().answers(), actor)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("callback", id)))
                .map(callback -> CallbackView.of(callback, clock.instant()));
    }

    /**
     * 409: the previous call was too recent; {@code nextAttemptAt} says from when the next one is allowed. Its own
     * title, not the platform's answer to an illegal transition: the state allows calls, only not yet.
     */
    private static ErrorResponseException tooSoon(AttemptTooSoon tooSoon) {
        ErrorResponseException error = Problems.conflict("Too soon for the next call",
                "The previous call was too recent; the next call is allowed from " + tooSoon.nextAttemptAt());
        error.getBody().setProperty("currentState", CallbackStatus.OPEN.name());
        error.getBody().setProperty("nextAttemptAt", tooSoon.nextAttemptAt().toString());
        error.getBody().setProperty("allowedActions", List.of(CallbackStatus.RECORD_OUTCOME));
        return error;
    }
}
