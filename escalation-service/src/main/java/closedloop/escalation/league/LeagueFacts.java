package closedloop.escalation.league;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClocksPaused;
import closedloop.contracts.ClocksResumed;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.DeadlineMoved;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ObligationBreached;
import closedloop.contracts.ObligationFulfilled;
import closedloop.contracts.ObligationWaived;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.platform.domain.RaceRetry;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The league's facts: applies events to the per-ticket and per-complaint fact documents and reads them back. Every
 * write is an upsert by id of individual fields with {@code $set} (a value every delivery of the event gives alike),
 * {@code $min} (the first time something happened) or {@code $max} (the latest deadline), so that applying an event
 * twice changes nothing and events of one complaint may arrive in any order across topics. Two first writes of one
 * new document may race (different topics, different instances): the loser's upsert fails on the duplicate key and is
 * tried again, and then updates the document the winner created.
 */
@Component
@RequiredArgsConstructor
public class LeagueFacts {

    private final ReactiveMongoTemplate mongo;
    private final RaceRetry raceRetry;

    /** Records what the event tells the league; completes empty for events the league does not read. */
    public Mono<Void> apply(ClosedLoopEvent event) {
        if (event instanceof TicketAssigned assigned) {
            return assigned(assigned);
        } else if (event instanceof TicketAccepted accepted) {
            return ticket(accepted.ticketId(), new Update().min("acceptedAt", accepted.occurredAt()));
        } else if (event instanceof TicketResolved resolved) {
            return ticket(resolved.ticketId(), released(resolved.occurredAt()).min("resolvedAt", resolved.occurredAt()));
        } else if (event instanceof TicketReturned returned) {
            return ticket(returned.ticketId(), released(returned.occurredAt()).min("returnedAt", returned.occurredAt()));
        } else if (event instanceof TicketTransferred transferred) {
            return ticket(transferred.ticketId(),
                    released(transferred.occurredAt()).min("transferredAt", transferred.occurredAt()));
        } else if (event instanceof ClockStarted started) {
            return clockStarted(started);
        } else if (event instanceof ExtensionApproved approved) {
            return ticket(approved.ticketId(), new Update().max("resolveDeadline", approved.deadline()));
        } else if (event instanceof DeadlineMoved moved && moved.clock() == ClockKind.RESOLVE) {
            // the calendar changed under it: the deadline is where the engine counts it now, earlier or later
            return ticket(moved.ticketId(), new Update().set("resolveDeadline", moved.deadline()));
        } else if (event instanceof ClocksPaused paused) {
            return ticket(paused.ticketId(), new Update().max("pausedAt", paused.occurredAt()));
        } else if (event instanceof ClocksResumed resumed) {
            return resumed(resumed);
        } else if (event instanceof CallbackCompleted callback && callback.ticketId() != null) {
            return ticket(callback.ticketId(), new Update().set("callbackOutcome", callback.outcome())
                    .min("callbackAt", callback.occurredAt()));
        } else if (event instanceof ObligationFulfilled kept) {
            Update update = obligation(kept.complaintId(), kept.branch()).min("keptAt", kept.occurredAt());
            if (kept.dueAt() != null) {
                update.set("dueAt", kept.dueAt());
            }
            return upsert(kept.obligationId(), update, ObligationFact.class);
        } else if (event instanceof ObligationBreached breached) {
            return upsert(breached.obligationId(), obligation(breached.complaintId(), breached.branch())
                    .set("dueAt", breached.dueAt()).min("breachedAt", breached.occurredAt()), ObligationFact.class);
        } else if (event instanceof ObligationWaived waived) {
            return upsert(waived.obligationId(), new Update().set("complaintId", waived.complaintId())
                    .min("waivedAt", waived.occurredAt()), ObligationFact.class);
        } else if (event instanceof ComplaintRegistered registered) {
            return upsert(registered.complaintId(), new Update().set("repeat", registered.repeat())
                    .min("registeredAt", registered.occurredAt()), ComplaintFact.class);
        }
        return Mono.empty();
    }

    /**
     * The ticket's branch and dispatch; a REOPENED ticket also marks the ticket it follows as sent back to its
     * branch (发回重办).
     */
    private Mono<Void> assigned(TicketAssigned assigned) {
        Mono<Void> dispatched = ticket(assigned.ticketId(), new Update()
                .set("complaintId", assigned.complaintId())
                .set("branch", assigned.branch())
                .set("reason", assigned.reason())
                .set("dispatchedAt", assigned.occurredAt()));
        if (assigned.reason() != AssignmentReason.REOPENED || assigned.previousTicketId() == null) {
            return dispatched;
        }
        return dispatched.then(ticket(assigned.previousTicketId(),
                new Update().min("reopenedAt", assigned.occurredAt())));
    }

    private Mono<Void> clockStarted(ClockStarted started) {
        if (started.clock() == ClockKind.SIGN_FOR) {
            return ticket(started.ticketId(), new Update().max("signForDeadline", started.deadline()));
        } else if (started.clock() == ClockKind.RESOLVE) {
            return ticket(started.ticketId(), new Update().max("resolveDeadline", started.deadline()));
        }
        return Mono.empty();
    }

    private Mono<Void> resumed(ClocksResumed resumed) {
        Update update = new Update().max("resumedAt", resumed.occurredAt());
        if (resumed.resolveDeadline() != null) {
            update.max("resolveDeadline", resumed.resolveDeadline());
        }
        return ticket(resumed.ticketId(), update);
    }

    /** The complaint and the owing branch of an obligation, as its fulfilment or breach tells them. */
    private static Update obligation(String complaintId, String branch) {
        Update update = new Update().set("complaintId", complaintId);
        return branch == null ? update : update.set("branch", branch);
    }

    private static Update released(Instant at) {
        return new Update().min("releasedAt", at);
    }

    private Mono<Void> ticket(String ticketId, Update update) {
        return ticketId == null ? Mono.empty() : upsert(ticketId, update, TicketFact.class);
    }

    private Mono<Void> upsert(String id, Update update, Class<?> type) {
        return raceRetry.retrying(() -> mongo.upsert(new Query(where("_id").is(id)), update, type)).then();
    }

    /** The tickets dispatched at or after {@code from} and before {@code to} (index {@code dispatchedAt_branch}). */
    public Flux<TicketFact> dispatchedBetween(Instant from, Instant to) {
        return mongo.find(new Query(where("dispatchedAt").gte(from).lt(to)), TicketFact.class);
    }

    /** The tickets a branch holds now: dispatched and not released (index {@code releasedAt_dispatchedAt}). */
    public Flux<TicketFact> open() {
        return mongo.find(new Query(where("releasedAt").is(null).and("dispatchedAt").ne(null)), TicketFact.class);
    }

    /** The obligations of these complaints, read in batches (index {@code complaintId}). */
    public Flux<ObligationFact> obligations(Collection<String> complaintIds) {
        return Flux.fromIterable(complaintIds)
                .buffer(1000)
                .concatMap(batch -> mongo.find(new Query(where("complaintId").in(batch)), ObligationFact.class));
    }

    /** The facts of these complaints, read in batches by id. */
    public Flux<ComplaintFact> complaints(Collection<String> complaintIds) {
        return Flux.fromIterable(complaintIds)
                .buffer(1000)
                .concatMap(batch -> mongo.find(new Query(where("_id").in(batch)), ComplaintFact.class));
    }
}
