package closedloop.router.routing.web;

import closedloop.platform.web.FieldError;
import closedloop.platform.web.OneOf;
import closedloop.platform.web.Problems;
import closedloop.router.routing.ConcurrentTicketChange;
import closedloop.router.routing.IllegalTicketTransition;
import closedloop.router.routing.Ticket;
import closedloop.router.routing.TicketAction;
import closedloop.router.routing.TicketFilter;
import closedloop.router.routing.TicketService;
import closedloop.router.routing.TicketStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
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

import java.util.List;

/** A branch's ticket queue and its actions on a ticket: sign for (签收) and resolve (办结). */
@RestController
@RequestMapping("/api/v1/tickets")
public class TicketController {

    static final String ACTOR = "X-Actor";
    static final String ANONYMOUS = "anonymous";

    private final TicketService tickets;

    public TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    /** The tickets of a branch or of a complaint, newest first, optionally in one status. */
    @GetMapping
    public Flux<TicketResponse> list(@RequestParam(required = false) String branch,
                                     @RequestParam(required = false) @OneOf(TicketStatus.class) String status,
                                     @RequestParam(required = false) String complaintId,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        if (!StringUtils.hasText(branch) && !StringUtils.hasText(complaintId)) {
            throw badRequest(new FieldError("branch", "is required unless complaintId is given"));
        }
        TicketFilter filter = new TicketFilter(textOrNull(branch), status == null ? null : TicketStatus.valueOf(status),
                textOrNull(complaintId), limit);
        return tickets.search(filter).map(TicketResponse::of);
    }

    @GetMapping("/{id}")
    public Mono<TicketResponse> get(@PathVariable String id) {
        return tickets.find(id).map(TicketResponse::of).switchIfEmpty(Mono.error(() -> Problems.notFound("ticket", id)));
    }

    /** Signs for the ticket: ASSIGNED → ACCEPTED. */
    @PostMapping("/{id}/accept")
    public Mono<TicketResponse> accept(@PathVariable String id,
                                       @RequestHeader(name = ACTOR, defaultValue = ANONYMOUS) String actor) {
        return answer(id, tickets.accept(id, actor));
    }

    /** Resolves the ticket with what was done: ACCEPTED → RESOLVED. */
    @PostMapping("/{id}/resolve")
    public Mono<TicketResponse> resolve(@PathVariable String id, @Valid @RequestBody ResolveRequest request,
                                        @RequestHeader(name = ACTOR, defaultValue = ANONYMOUS) String actor) {
        return answer(id, tickets.resolve(id, request.resolution(), actor));
    }

    private static Mono<TicketResponse> answer(String id, Mono<Ticket> changed) {
        return changed.map(TicketResponse::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("ticket", id)))
                .onErrorMap(IllegalTicketTransition.class, illegal -> Problems.illegalTransition("ticket",
                        illegal.action().label(), illegal.currentState(),
                        illegal.allowedActions().stream().map(TicketAction::label).toList()))
                .onErrorMap(ConcurrentTicketChange.class, TicketController::conflict);
    }

    private static ErrorResponseException conflict(ConcurrentTicketChange change) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, change.getMessage());
        problem.setTitle("Changed concurrently");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, change);
    }

    /** A 400 shaped like the platform's validation answers: an {@code errors} list naming each bad field. */
    private static ErrorResponseException badRequest(FieldError error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + error.field());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(error));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static String textOrNull(String text) {
        return StringUtils.hasText(text) ? text.strip() : null;
    }
}
