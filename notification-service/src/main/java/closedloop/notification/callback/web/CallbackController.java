package closedloop.notification.callback.web;

import closedloop.contracts.CallbackOutcome;
import closedloop.notification.callback.CallbackService;
import closedloop.notification.callback.CallbackStatus;
import closedloop.notification.callback.Callbacks;
import closedloop.notification.callback.IllegalCallbackTransition;
import closedloop.platform.web.OneOf;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** The hotline's callback tasks: the list to work through and the recording of each call's outcome. */
@RestController
@RequestMapping("/api/v1/callbacks")
public class CallbackController {

    private final Callbacks callbacks;
    private final CallbackService service;
    private final Clock clock;

    public CallbackController(Callbacks callbacks, CallbackService service, Clock clock) {
        this.callbacks = callbacks;
        this.service = service;
        this.clock = clock;
    }

    /** The callbacks, optionally only those in a state and/or of a complaint, soonest due first. */
    @GetMapping
    public Flux<CallbackView> list(@RequestParam(required = false) @OneOf(CallbackStatus.class) String status,
                                   @RequestParam(required = false) String complaintId) {
        return callbacks.find(status == null ? null : CallbackStatus.valueOf(status), complaintId)
                .map(callback -> CallbackView.of(callback, clock.instant()));
    }

    /** Records what the customer said: OPEN → COMPLETED. */
    @PostMapping("/{id}/outcome")
    public Mono<CallbackView> recordOutcome(@PathVariable String id, @Valid @RequestBody OutcomeRequest request,
                                            @RequestHeader(name = "X-Actor", defaultValue = "anonymous") String actor) {
        return service.complete(id, CallbackOutcome.valueOf(request.outcome()), request.note(), actor)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("callback", id)))
                .onErrorMap(IllegalCallbackTransition.class, illegal -> Problems.illegalTransition("callback",
                        illegal.action(), illegal.currentState(), illegal.allowedActions()))
                .map(callback -> CallbackView.of(callback, clock.instant()));
    }
}
