package closedloop.intake.complaint;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.platform.outbox.OutboxRelay;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** What intake does with complaints: registers them and takes in what the other services tell about them. */
@Service
public class ComplaintService {

    private static final Retry ON_CONFLICT = Retry.backoff(10, Duration.ofMillis(10))
            .filter(OptimisticLockingFailureException.class::isInstance);

    private final Complaints complaints;
    private final ComplaintNumbers numbers;
    private final OutboxRelay relay;
    private final Clock clock;

    public ComplaintService(Complaints complaints, ComplaintNumbers numbers, OutboxRelay relay, Clock clock) {
        this.complaints = complaints;
        this.numbers = numbers;
        this.relay = relay;
        this.clock = clock;
    }

    /** Numbers and stores a new complaint, with its {@code ComplaintRegistered} event, in one insert. */
    public Mono<Complaint> register(NewComplaint details, String actor) {
        return numbers.next()
                .map(number -> Complaint.register(UUID.randomUUID().toString(), number, details, actor, clock.instant()))
                .flatMap(complaints::insert)
                .doOnSuccess(saved -> relay.nudge());
    }

    public Mono<Complaint> find(String id) {
        return complaints.findById(id);
    }

    /**
     * Applies an event to its complaint and saves the result; a concurrent change to the same complaint makes it
     * read and apply again.
     */
    public Mono<Applied> apply(ClosedLoopEvent event, String source) {
        return Mono.defer(() -> complaints.findById(event.complaintId())
                        .flatMap(complaint -> complaint.apply(event, source, clock.instant())
                                ? complaints.save(complaint).thenReturn(Applied.APPLIED)
                                : Mono.just(Applied.ALREADY_APPLIED))
                        .defaultIfEmpty(Applied.UNKNOWN_COMPLAINT))
                .retryWhen(ON_CONFLICT)
                .doOnSuccess(applied -> {
                    if (applied == Applied.APPLIED) {
                        relay.nudge();
                    }
                });
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
