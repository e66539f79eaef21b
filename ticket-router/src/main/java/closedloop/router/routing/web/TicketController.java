package closedloop.router.routing.web;

import closedloop.contracts.ContactMethod;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.RootCause;
import closedloop.platform.security.Actor;
import closedloop.platform.security.Caller;
import closedloop.platform.web.FieldError;
import closedloop.platform.web.OneOf;
import closedloop.platform.web.Problems;
import closedloop.router.routing.Holder;
import closedloop.router.routing.Ticket;
import closedloop.router.routing.TicketAction;
import closedloop.router.routing.TicketFilter;
import closedloop.router.routing.TicketService;
import closedloop.router.routing.TicketStatus;
import closedloop.router.routing.UnsuitableBranch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A branch's ticket queue, the responsibility trace of a ticket's complaint, and the workflow actions on a ticket,
 * each {@code POST /api/v1/tickets/{id}/<action>} by the request's {@link Actor}. An action the ticket's status does
 * not allow answers 409 naming {@code currentState} and {@code allowedActions} (the platform's answer to an
 * {@link closedloop.router.routing.IllegalTicketTransition}).
 */
@RestController
@RequestMapping("/api/v1/tickets")
@RequiredArgsConstructor
public class TicketController {

    /** 1 to 500, as text so that a non-number is reported like an out-of-range number. */
    private static final String LIMIT = "[1-9][0-9]?|[1-4][0-9]{2}|500";

    private final TicketService tickets;
    private final Clock clock;

    /** The tickets of a branch or of a complaint, newest first, optionally in one status. */
    @GetMapping
    public Flux<TicketResponse> list(@RequestParam(required = false) String branch,
                                     @RequestParam(required = false) @OneOf(TicketStatus.class) String status,
                                     @RequestParam(required = false) String complaintId,
                                     @RequestParam(defaultValue = "100")
                                     @Pattern(regexp = LIMIT, message = "must be a whole number from 1 to 500")
                                     String limit,
                                     Caller caller) {
        if (!StringUtils.hasText(branch) && !StringUtils.hasText(complaintId)) {
            throw Problems.invalidField("branch", "is required unless complaintId is given");
        }
        if (StringUtils.hasText(branch) && !caller.sees(branch.strip())) {
            throw Problems.forbidden("You are not a dispatcher of branch " + branch.strip());
        }
        TicketFilter filter = new TicketFilter(textOrNull(branch), status == null ? null : TicketStatus.valueOf(status),
                textOrNull(complaintId), Integer.parseInt(limit));
        return tickets.search(filter).filter(ticket -> caller.sees(ticket.branch())).map(TicketResponse::of);
    }

    /** The ticket; a dispatcher's answer is 404 for another branch's ticket, as if it did not exist. */
    @GetMapping("/{id}")
    public Mono<TicketResponse> get(@PathVariable String id, Caller caller) {
        return visible(id, caller).map(TicketResponse::of);
    }

    /** Who held the ticket's complaint, from when to when and for how long, oldest first (the responsibility trace). */
    @GetMapping("/{id}/holders")
    public Mono<List<Holder>> holders(@PathVariable String id, Caller caller) {
        return visible(id, caller).flatMap(ticket -> tickets.holders(id));
    }

    /** Signs for the ticket (签收): ASSIGNED → ACCEPTED. */
    @PostMapping("/{id}/accept")
    public Mono<TicketResponse> accept(@PathVariable String id,
                                       Caller caller) {
        return answer(id, asDispatcher(id, caller, () -> tickets.accept(id, caller.name())));
    }

    /** Names the person handling the ticket: ACCEPTED, IN_PROGRESS or WAITING_ON_CUSTOMER → IN_PROGRESS. */
    @PostMapping("/{id}/handler")
    public Mono<TicketResponse> handler(@PathVariable String id, @Valid @RequestBody HandlerRequest request,
                                        Caller caller) {
        return answer(id, asDispatcher(id, caller,
                () -> tickets.nameHandler(id, request.handler().strip(), caller.name())));
    }

    /** Adds a progress note in any open status; the status stays. */
    @PostMapping("/{id}/notes")
    public Mono<TicketResponse> note(@PathVariable String id, @Valid @RequestBody NoteRequest request,
                                     Caller caller) {
        return answer(id, asDispatcher(id, caller, () -> tickets.addNote(id, request.note(), caller.name())));
    }

    /** Records the first contact with the customer (首次联系): → IN_PROGRESS. */
    @PostMapping("/{id}/first-contact")
    public Mono<TicketResponse> firstContact(@PathVariable String id, @Valid @RequestBody FirstContactRequest request,
                                             Caller caller) {
        Instant contactedAt = Instant.parse(request.contactedAt());
        if (contactedAt.isAfter(clock.instant())) {
            throw Problems.invalidField("contactedAt", "must not be in the future");
        }
        return answer(id, asDispatcher(id, caller, () -> tickets.recordFirstContact(id, contactedAt,
                ContactMethod.valueOf(request.method()), request.result(), caller.name())));
    }

    /** Gives the ticket back (退单): ASSIGNED or ACCEPTED → RETURNED; the complaint goes on to a new ticket. */
    @PostMapping("/{id}/return")
    public Mono<TicketResponse> giveBack(@PathVariable String id, @Valid @RequestBody ReturnRequest request,
                                         Caller caller) {
        ReturnReason reason = ReturnReason.valueOf(request.reason());
        String text = textOrNull(request.text());
        if (reason == ReturnReason.OTHER && text == null) {
            throw Problems.invalidField("text", "is required when the reason is OTHER");
        }
        return answer(id, asDispatcher(id, caller, () -> tickets.giveBack(id, reason, text, caller.name())));
    }

    /** The dispatch desk routes a ticket it holds by hand: ASSIGNED at MANUAL → TRANSFERRED; a new ticket at the branch. */
    @PostMapping("/{id}/dispatch")
    public Mono<TicketResponse> dispatch(@PathVariable String id, @Valid @RequestBody BranchRequest request,
                                         @Actor String actor) {
        return answer(id, tickets.transfer(id, TicketAction.DISPATCH, request.branch().strip(), actor));
    }

    /** The dispatch desk moves an open ticket to another branch: → TRANSFERRED; a new ticket at the branch. */
    @PostMapping("/{id}/transfer")
    public Mono<TicketResponse> transfer(@PathVariable String id, @Valid @RequestBody BranchRequest request,
                                         @Actor String actor) {
        return answer(id, tickets.transfer(id, TicketAction.TRANSFER, request.branch().strip(), actor));
    }

    /** Asks for more time (延期) from ACCEPTED or IN_PROGRESS; the status stays. */
    @PostMapping("/{id}/extension")
    public Mono<TicketResponse> extension(@PathVariable String id, @Valid @RequestBody ExtensionRequest request,
                                          Caller caller) {
        Instant requestedDeadline = Instant.parse(request.requestedDeadline());
        if (!requestedDeadline.isAfter(clock.instant())) {
            throw Problems.invalidField("requestedDeadline", "must be in the future");
        }
        return answer(id, asDispatcher(id, caller,
                () -> tickets.requestExtension(id, request.reason(), requestedDeadline, caller.name())));
    }

    /** Waits on the customer: ACCEPTED or IN_PROGRESS → WAITING_ON_CUSTOMER. */
    @PostMapping("/{id}/wait")
    public Mono<TicketResponse> waitOnCustomer(@PathVariable String id, @Valid @RequestBody WaitRequest request,
                                               Caller caller) {
        return answer(id, asDispatcher(id, caller, () -> tickets.waitOnCustomer(id, request.reason(), caller.name())));
    }

    /** Ends the wait on the customer: WAITING_ON_CUSTOMER → IN_PROGRESS. */
    @PostMapping("/{id}/resume")
    public Mono<TicketResponse> resume(@PathVariable String id,
                                       Caller caller) {
        return answer(id, asDispatcher(id, caller, () -> tickets.resume(id, caller.name())));
    }

    /** Resolves the ticket (办结) with what was done, why and who is responsible: ACCEPTED or IN_PROGRESS → RESOLVED. */
    @PostMapping("/{id}/resolve")
    public Mono<TicketResponse> resolve(@PathVariable String id, @Valid @RequestBody ResolveRequest request,
                                        Caller caller) {
        return answer(id, asDispatcher(id, caller, () -> tickets.resolve(id, request.resolution(),
                RootCause.valueOf(request.rootCause()), request.responsibleParty(), caller.name())));
    }

    /** The ticket, if it exists and the caller may see it; otherwise 404. */
    private Mono<Ticket> visible(String id, Caller caller) {
        return tickets.find(id).filter(ticket -> caller.sees(ticket.branch()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("ticket", id)));
    }

    /**
     * Runs a branch's action if the caller is a dispatcher of the ticket's branch; otherwise nothing (so 404). A
     * ticket never changes branch (a transfer opens a new one), so checking before the change cannot be overtaken.
     */
    private Mono<Ticket> asDispatcher(String id, Caller caller, Supplier<Mono<Ticket>> action) {
        return tickets.find(id).filter(ticket -> caller.worksFor(ticket.branch())).flatMap(ticket -> action.get());
    }

    private static Mono<TicketResponse> answer(String id, Mono<Ticket> changed) {
        return changed.map(TicketResponse::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("ticket", id)))
                .onErrorMap(UnsuitableBranch.class, unsuitable -> unprocessable("branch", unsuitable.getMessage()));
    }

    /** A 422 naming the field whose value cannot be used, in the same {@code errors} list as a 400. */
    static ErrorResponseException unprocessable(String field, String message) {
        ErrorResponseException problem = Problems.unprocessable("Cannot be carried out", message);
        problem.getBody().setProperty("errors", List.of(new FieldError(field, message)));
        return problem;
    }

    private static String textOrNull(String text) {
        return StringUtils.hasText(text) ? text.strip() : null;
    }
}
