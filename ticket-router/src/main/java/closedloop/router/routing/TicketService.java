package closedloop.router.routing;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.RootCause;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.outbox.OutboxRelay;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ticket use cases: open tickets for registered, reopened, returned and transferred complaints (idempotently),
 * and run the branch's actions on them. Each change is one document write; the outbox relay is nudged after it.
 * <p>
 * Passing a complaint on (return, dispatch, transfer) touches two documents without a transaction: the old ticket's
 * transition is saved with its {@link TicketReturned}/{@link TicketTransferred} event, and the next ticket is opened
 * only from that event, when the router's own listener reads it back from Kafka; its id derives from the event's id
 * and it is an insert, so a crash between the two neither loses the next ticket (the event is in the outbox and is
 * redelivered until applied) nor opens it twice (a duplicate key means it is open already).
 */
@Service
@RequiredArgsConstructor
public class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final Tickets tickets;
    private final BranchDirectory directory;
    private final OutboxRelay relay;
    private final RaceRetry raceRetry;
    private final RouterProperties properties;
    private final Clock clock;

    /** Opens the complaint's first ticket at the branch its district and category route to; nothing when already done. */
    public Mono<Void> route(ComplaintRegistered complaint) {
        String branch = directory.routing().branchFor(complaint.district(), complaint.category());
        Ticket ticket = Ticket.assign(complaint, branch, clock.instant());
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
                        relay.nudge(ticket);
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

    /** Names the person handling the ticket; empty when there is no such ticket. */
    public Mono<Ticket> nameHandler(String id, String handler, String actor) {
        return change(id, ticket -> ticket.nameHandler(handler, actor, clock.instant()));
    }

    /** Adds a progress note; empty when there is no such ticket. */
    public Mono<Ticket> addNote(String id, String note, String actor) {
        return change(id, ticket -> ticket.addNote(note, actor, clock.instant()));
    }

    /** Records the first contact with the customer; empty when there is no such ticket. */
    public Mono<Ticket> recordFirstContact(String id, Instant contactedAt, ContactMethod method, String result,
                                           String actor) {
        return change(id, ticket -> ticket.recordFirstContact(contactedAt, method, result, actor, clock.instant()));
    }

    /** Asks for more time; empty when there is no such ticket. */
    public Mono<Ticket> requestExtension(String id, String reason, Instant requestedDeadline, String actor) {
        return change(id, ticket -> ticket.requestExtension(reason, requestedDeadline, actor, clock.instant()));
    }

    /** Waits on the customer; empty when there is no such ticket. */
    public Mono<Ticket> waitOnCustomer(String id, String reason, String actor) {
        return change(id, ticket -> ticket.waitOnCustomer(reason, actor, clock.instant()));
    }

    /** Ends the wait on the customer; empty when there is no such ticket. */
    public Mono<Ticket> resume(String id, String actor) {
        return change(id, ticket -> ticket.resume(actor, clock.instant()));
    }

    /** Resolves the ticket; empty when there is no such ticket. */
    public Mono<Ticket> resolve(String id, String resolution, RootCause rootCause, String responsibleParty,
                                String actor) {
        return change(id, ticket -> ticket.resolve(resolution, rootCause, responsibleParty, actor, clock.instant()));
    }

    /**
     * Gives the ticket back (退单); empty when there is no such ticket. The next ticket is opened by
     * {@link #reroute(TicketReturned)} when the router reads its own {@link TicketReturned} back from Kafka.
     */
    public Mono<Ticket> giveBack(String id, ReturnReason reason, String text, String actor) {
        return change(id, ticket -> ticket.giveBack(reason, text, actor, clock.instant(), properties.unclaimedAfter()));
    }

    /**
     * Sends the ticket to another branch by hand ({@code dispatch} from the dispatch desk or {@code transfer});
     * empty when there is no such ticket; {@link UnsuitableBranch} when the branch is not an active branch of the
     * directory or holds the ticket already. The next ticket is opened by {@link #openTransferred(TicketTransferred)}.
     */
    public Mono<Ticket> transfer(String id, TicketAction action, String toBranch, String actor) {
        return change(id, ticket -> {
            if (!directory.routing().takesTickets(toBranch)) {
                throw new UnsuitableBranch(toBranch, "is not an active branch of the branch directory");
            }
            if (toBranch.equals(ticket.branch()) && ticket.status().isOpen()) {
                throw new UnsuitableBranch(toBranch, "holds the ticket already");
            }
            ticket.transfer(action, toBranch, actor, clock.instant(), properties.unclaimedAfter());
        });
    }

    /**
     * Opens the ticket that follows a returned one, at the branch the routing rule chooses among those that have not
     * returned the complaint (the dispatch desk when none is left); nothing when it is open already.
     */
    public Mono<Void> reroute(TicketReturned returned) {
        return previous(returned.ticketId()).flatMap(previous -> open(Ticket.reroute(returned, previous,
                directory.routing().branchFor(previous.district(), previous.category(), previous.returnedBy()))));
    }

    /** Opens the ticket that follows a transferred one at the branch it was sent to; nothing when it is open already. */
    public Mono<Void> openTransferred(TicketTransferred transferred) {
        return previous(transferred.ticketId()).flatMap(previous -> open(Ticket.transferred(transferred, previous)));
    }

    private Mono<Ticket> previous(String ticketId) {
        return tickets.findById(ticketId).switchIfEmpty(Mono.error(() -> new IllegalStateException(
                "Ticket " + ticketId + " was passed on but is not stored here")));
    }

    /** Who held the ticket's complaint, ticket by ticket and person by person, oldest first; empty when no such ticket. */
    public Mono<List<Holder>> holders(String id) {
        return tickets.findById(id).flatMap(ticket -> {
            Instant now = clock.instant();
            return tickets.ofComplaint(ticket.complaintId())
                    .flatMapIterable(each -> each.holders(now))
                    .collectList();
        });
    }

    /**
     * Reads, changes and saves the ticket; when someone else saved it in between, again on a fresh read, where the
     * transition may now be refused. Every attempt lost: the optimistic locking failure is passed on.
     */
    private Mono<Ticket> change(String id, Consumer<Ticket> transition) {
        return raceRetry.retrying(() -> tickets.findById(id)
                        .flatMap(ticket -> {
                            transition.accept(ticket);
                            return tickets.save(ticket);
                        }))
                .doOnNext(saved -> relay.nudge(saved));
    }
}
