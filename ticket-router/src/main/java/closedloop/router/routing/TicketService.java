package closedloop.router.routing;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The ticket use cases: open tickets for registered and reopened complaints (idempotently), and run the branch's
 * actions on them. Each change is one document write; the outbox relay is nudged after it.
 */
@Service
public class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final Tickets tickets;
    private final Routing routing;
    private final OutboxRelay relay;
    private final Clock clock;

    public TicketService(Tickets tickets, Routing routing, OutboxRelay relay, Clock clock) {
        this.tickets = tickets;
        this.routing = routing;
        this.relay = relay;
        this.clock = clock;
    }

    /** Opens the complaint's first ticket at the branch serving its district; nothing when already done. */
    public Mono<Void> route(ComplaintRegistered complaint) {
        Ticket ticket = Ticket.assign(complaint, routing.branchFor(complaint.district()), clock.instant());
        return open(ticket);
    }

    /**
     * Opens a new ticket at the branch of the complaint's latest ticket; nothing when already done. Fails when
     * the complaint has no ticket here, so that the event ends on the dead-letter topic for a person to look at.
     */
    public Mono<Void> reopen(ComplaintReopened reopened) {
        return tickets.latestOf(reopened.complaintId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "Complaint " + reopened.complaintId() + " was reopened but has no ticket to reopen")))
                .flatMap(previous -> open(Ticket.reopen(reopened, previous, clock.instant())));
    }

    private Mono<Void> open(Ticket ticket) {
        return tickets.insertIfAbsent(ticket)
                .doOnNext(inserted -> {
                    if (inserted) {
                        relay.nudge();
                    } else {
                        log.info("Ticket {} exists already; the event was applied before", ticket.id());
                    }
                })
                .then();
    }

    public Mono<Ticket> find(String id) {
        return tickets.findById(id);
    }

    public Flux<Ticket> search(TicketFilter filter) {
        return tickets.search(filter);
    }

    /** Signs for the ticket; empty when there is no such ticket. */
    public Mono<Ticket> accept(String id, String actor) {
        return change(id, ticket -> ticket.accept(actor, clock.instant()));
    }

    /** Resolves the ticket; empty when there is no such ticket. */
    public Mono<Ticket> resolve(String id, String resolution, String actor) {
        return change(id, ticket -> ticket.resolve(resolution, actor, clock.instant()));
    }

    /** Reads, changes and saves the ticket; when someone else saved it in between, once more on a fresh read. */
    private Mono<Ticket> change(String id, Consumer<Ticket> transition) {
        Mono<Ticket> attempt = Mono.defer(() -> tickets.findById(id)
                .flatMap(ticket -> {
                    transition.accept(ticket);
                    return tickets.save(ticket);
                }));
        return attempt
                .onErrorResume(OptimisticLockingFailureException.class, conflict -> attempt)
                .onErrorMap(OptimisticLockingFailureException.class, conflict -> new ConcurrentTicketChange(id, conflict))
                .doOnNext(saved -> relay.nudge());
    }
}
