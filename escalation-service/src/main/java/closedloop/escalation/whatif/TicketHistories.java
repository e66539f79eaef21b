package closedloop.escalation.whatif;

import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ExtensionRefused;
import closedloop.contracts.Topics;
import closedloop.contracts.EventType;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketEvent;
import closedloop.contracts.TicketWarned;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The complaints' ticket histories in MongoDB. Recording an event is one update by {@code _id} that pushes it only
 * when no event of its id is there yet, so a redelivered event changes nothing. The first event of a complaint
 * creates the document (an upsert); when the complaint's other topic created it at the same moment, or the event is
 * already there, the upsert fails on the duplicate {@code _id} and the plain update is tried instead.
 */
@Repository
@RequiredArgsConstructor
public class TicketHistories {

    /**
     * How many histories one batch of a what-if's cursor carries: a store that answers a cursor's next batch with
     * everything left (the embedded one does) would otherwise send more than a reply may hold.
     */
    static final int BATCH = 1_000;

    private final ReactiveMongoTemplate mongo;

    /** Records an event a what-if needs (see {@link #isKept}); completes at once for any other. */
    public Mono<Void> record(TicketEvent event) {
        if (!isKept(event)) {
            return Mono.empty();
        }
        TicketHistory.Recorded recorded = TicketHistory.Recorded.of(event);
        Query notYetRecorded = new Query(where("_id").is(event.complaintId()).and("events.id").ne(recorded.id()));
        Update push = new Update().push("events", recorded);
        if (event instanceof TicketAssigned) {
            // ISO dates order as their days do, so $min keeps the first dispatch's day with it
            push.min("firstDispatchedAt", event.occurredAt()).min("dispatchedDay", TicketHistory.dayOf(
                    event.occurredAt()));
        }
        return mongo.upsert(notYetRecorded, push, TicketHistory.class)
                .onErrorResume(DuplicateKeyException.class,
                        exists -> mongo.updateFirst(notYetRecorded, push, TicketHistory.class))
                .then();
    }

    /**
     * Every ticket event of the router (what the clocks are driven by), and the SLA events a replay compares with or
     * repeats: warnings, escalations and supervisors' extension decisions.
     */
    static boolean isKept(TicketEvent event) {
        return Topics.ROUTER_TICKET.equals(EventType.of(event).topic())
                || event instanceof TicketWarned || event instanceof TicketEscalated
                || event instanceof ExtensionApproved || event instanceof ExtensionRefused;
    }

    /**
     * The histories of the complaints first dispatched at or after {@code from} and before {@code to}, read one day
     * at a time by the indexed {@code dispatchedDay} (the range of instants trims the first and last day). A window
     * of many days never asks the store for more than a day's histories at once, and reads no other document.
     */
    public Flux<TicketHistory> firstDispatchedBetween(Instant from, Instant to) {
        LocalDate last = LocalDate.parse(TicketHistory.dayOf(to.minusNanos(1)));
        return Flux.fromStream(LocalDate.parse(TicketHistory.dayOf(from)).datesUntil(last.plusDays(1)))
                .concatMap(day -> mongo.find(new Query(where("dispatchedDay").is(day.toString())
                        .and("firstDispatchedAt").gte(from).lt(to)).cursorBatchSize(BATCH), TicketHistory.class));
    }
}
