package closedloop.escalation.problem;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.TicketResolved;
import closedloop.platform.domain.RaceRetry;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Batch detection (触类旁通): each registered complaint is seen under its category and district, each complaint
 * resolved with a root cause under that cause and its district. While a problem of that kind is open the complaint is
 * linked to it; otherwise it is counted in the kind's watch, and the complaint that makes {@code threshold} within the
 * window opens a problem linking them all. The watch is written first (it alone decides, by its version), the problem
 * after it, from what the watch kept; so a redelivered event or a crash in between opens the same problem once.
 */
@Service
@RequiredArgsConstructor
public class ProblemDetector {

    private final ReactiveMongoTemplate mongo;
    private final ProblemDesk problems;
    private final ProblemProperties properties;
    private final RaceRetry raceRetry;

    /** Remembers the complaint (once) and sees it under its category and district. */
    public Mono<Void> registered(ComplaintRegistered registered) {
        ProblemMember member = new ProblemMember(registered.complaintId(), registered.number(),
                registered.category(), registered.district(),
                registered.occurredAt().truncatedTo(ChronoUnit.MILLIS), null);
        return mongo.insert(member).onErrorResume(DuplicateKeyException.class, knownBefore -> Mono.empty())
                .then(sighted(ProblemKind.of(registered.category(), registered.district()),
                        member.seenAt(member.registeredAt())));
    }

    /**
     * Sees a complaint resolved with a root cause under that cause and its district, unless it is linked to a problem
     * already (or not known here, which a complaint registered before problems were detected is not).
     */
    public Mono<Void> resolved(TicketResolved resolved) {
        if (resolved.rootCause() == null) {
            return Mono.empty();
        }
        return mongo.findById(resolved.complaintId(), ProblemMember.class)
                .filter(member -> member.problemId() == null)
                .flatMap(member -> sighted(ProblemKind.of(resolved.rootCause(), member.district()),
                        member.seenAt(resolved.occurredAt().truncatedTo(ChronoUnit.MILLIS))));
    }

    private Mono<Void> sighted(ProblemKind kind, Sighting sighting) {
        return raceRetry.retrying(() -> mongo.findById(kind.key(), ProblemWatch.class)
                .defaultIfEmpty(ProblemWatch.of(kind))
                .flatMap(watch -> watch.problemId() == null ? count(watch, sighting)
                        : problems.linkMatching(watch, sighting).flatMap(linked -> {
                            if (linked) {
                                return Mono.empty();
                            }
                            watch.release();
                            return count(watch, sighting);
                        })))
                .then();
    }

    /** Counts the complaint; the one that makes the threshold claims the watch for a new problem, then opens it. */
    private Mono<ProblemWatch> count(ProblemWatch watch, Sighting sighting) {
        List<Sighting> withinWindow = watch.sight(sighting, properties.window());
        if (withinWindow.size() < properties.threshold()) {
            return mongo.save(watch);
        }
        watch.answeredBy(ProblemIds.detected(watch.kind(), sighting.complaintId()), withinWindow);
        return mongo.save(watch).flatMap(claimed -> problems.openDetected(claimed, sighting.seenAt())
                .thenReturn(claimed));
    }
}
