package closedloop.intake.complaint;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.intake.IntakeProperties;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.outbox.OutboxRelay;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What intake does with complaints: registers them and takes in what the other services tell about them. */
@Service
@RequiredArgsConstructor
public class ComplaintService {

    private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);

    private final Complaints complaints;
    private final ComplaintNumbers numbers;
    private final ComplaintQueries queries;
    private final Repeats repeats;
    private final IdempotencyKeys keys;
    private final OutboxRelay relay;
    private final RaceRetry raceRetry;
    private final Clock clock;
    private final IntakeProperties properties;
    private final ClosureTimes closures;

    /**
     * Numbers and stores a new complaint, with its {@code ComplaintRegistered} event, in one insert. The customer's
     * complaints of the same category within the repeat window (its boundary included) make it a repeat.
     */
    public Mono<Complaint> register(NewComplaint details, String actor) {
        return create(UUID.randomUUID().toString(), details, actor);
    }

    /**
     * Registers a complaint once per idempotency key: the first request with the key creates it, a repeat of that
     * request (same body fingerprint) answers with the complaint it created, and another body with the key fails with
     * {@link IdempotencyKeyReused}, creating nothing.
     */
    public Mono<Complaint> register(NewComplaint details, String actor, String key, String fingerprint) {
        return keys.claim(key, fingerprint)
                .flatMap(record -> complaints.findById(record.complaintId())
                        .switchIfEmpty(Mono.defer(() -> create(record.complaintId(), details, actor)
                                // a concurrent request with the same key created it first: not a race to try again,
                                // the complaint it created is the answer to this request too
                                .onErrorResume(DuplicateKeyException.class, lost -> complaints.findById(record.complaintId())
                                        .switchIfEmpty(Mono.error(lost))))));
    }

    /**
     * Numbers the complaint, lists it among the customer's recent complaints of its category (which tells the earlier
     * ones it repeats, see {@link Repeats}), then inserts it with its {@code ComplaintRegistered} event.
     */
    private Mono<Complaint> create(String id, NewComplaint details, String actor) {
        Instant now = clock.instant();
        return numbers.next()
                .flatMap(number -> repeats.list(details.customer().phone(), details.category(),
                                new RecentComplaint(id, number, now), now.minus(properties.repeatWindow()))
                        .map(earlier -> Complaint.register(id, number, details, earlier, actor, now,
                                properties.replyWithin())))
                .flatMap(complaints::insert)
                .doOnNext(saved -> relay.nudge(saved));
    }

    /** One page of the complaints that match the search, newest first. */
    public Mono<ResultPage<Complaint>> search(ComplaintQuery query) {
        return queries.search(query);
    }

    public Mono<Complaint> find(String id) {
        return complaints.findById(id);
    }

    /**
     * Applies an event another service told to its complaint and saves the result; a concurrent change to the same
     * complaint makes it read and apply again. An event of a complaint intake does not have is skipped, and logged.
     *
     * @param source the service that told it
     */
    public Mono<Applied> apply(ClosedLoopEvent event, String source) {
        return raceRetry.retrying(() -> complaints.findById(event.complaintId())
                        .flatMap(complaint -> {
                            boolean open = complaint.status() != ComplaintStatus.CLOSED;
                            return complaint.apply(event, source, clock.instant())
                                    ? complaints.save(complaint).doOnNext(saved -> relay.nudge(saved))
                                            .doOnNext(saved -> countClosure(open, saved))
                                            .thenReturn(Applied.APPLIED)
                                    : Mono.just(Applied.ALREADY_APPLIED);
                        })
                        .defaultIfEmpty(Applied.UNKNOWN_COMPLAINT))
                .doOnNext(applied -> {
                    if (applied == Applied.UNKNOWN_COMPLAINT) {
                        log.warn("Skipping event {} from {}: no complaint {}", event.eventId(), source,
                                event.complaintId());
                    }
                });
    }

    private void countClosure(boolean wasOpen, Complaint saved) {
        if (wasOpen && saved.status() == ComplaintStatus.CLOSED) {
            closures.closed(saved.registeredAt(), clock.instant());
        }
    }

    /** What became of an event intake was told. */
    public enum Applied {
        /** It is on the complaint's timeline now, with the status move it called for. */
        APPLIED,
        /** It was on the timeline already; nothing changed. */
        ALREADY_APPLIED,
        /** No complaint has its complaint id; nothing changed. */
        UNKNOWN_COMPLAINT
    }
}
