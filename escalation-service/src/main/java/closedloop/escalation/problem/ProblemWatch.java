package closedloop.escalation.problem;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The detector's watch of one kind of complaint ({@link ProblemKind#key()}, its id): the complaints seen within the
 * window while no problem of the kind is open, or the open problem that complaints of the kind are linked to. It is
 * the one document that decides whether a problem opens, so two complaints seen at once cannot open two: the second
 * write loses on the version and is retried. The sightings a detected problem was opened with stay ({@code opening}),
 * so that a problem whose insert was lost in a crash is opened the same way again.
 */
@Document(ProblemWatch.COLLECTION)
public class ProblemWatch {

    public static final String COLLECTION = "problem_watches";

    @Id
    private String id;
    @Version
    private Long version;
    private ProblemKind kind;
    private List<Sighting> sightings = new ArrayList<>();
    private String problemId;
    private List<Sighting> opening;

    ProblemWatch() {
    }

    static ProblemWatch of(ProblemKind kind) {
        ProblemWatch watch = new ProblemWatch();
        watch.id = kind.key();
        watch.kind = kind;
        return watch;
    }

    /**
     * Counts a complaint (once). Complaints arrive in any order (they come from several partitions), so it answers the
     * largest group of complaints seen within one {@code window} that holds this one, wherever that window lies around
     * it; complaints seen more than two windows before the latest are forgotten.
     *
     * @return that group, oldest first
     */
    List<Sighting> sight(Sighting sighting, Duration window) {
        if (sightings.stream().noneMatch(seen -> seen.complaintId().equals(sighting.complaintId()))) {
            sightings.add(sighting);
        }
        Instant latest = sightings.stream().map(Sighting::seenAt).max(Comparator.naturalOrder()).orElseThrow();
        sightings.removeIf(seen -> seen.seenAt().isBefore(latest.minus(window.multipliedBy(2))));
        List<Sighting> sorted = sightings.stream().sorted(Comparator.comparing(Sighting::seenAt)).toList();
        List<Sighting> largest = List.of(sighting);
        for (Sighting first : sorted) {
            Instant from = first.seenAt();
            if (from.isBefore(sighting.seenAt().minus(window)) || from.isAfter(sighting.seenAt())) {
                continue;
            }
            List<Sighting> group = sorted.stream()
                    .filter(seen -> !seen.seenAt().isBefore(from) && !seen.seenAt().isAfter(from.plus(window)))
                    .toList();
            if (group.size() > largest.size()) {
                largest = group;
            }
        }
        return largest;
    }

    /** From now on complaints of this kind go to the problem; {@code opening} is null for one a supervisor opened. */
    void answeredBy(String problemId, List<Sighting> opening) {
        this.problemId = problemId;
        this.opening = opening == null ? null : List.copyOf(opening);
        sightings.clear();
    }

    /** The problem was closed: complaints of this kind are counted afresh. */
    void release() {
        problemId = null;
        opening = null;
    }

    public String id() {
        return id;
    }

    public ProblemKind kind() {
        return kind;
    }

    public String problemId() {
        return problemId;
    }

    public List<Sighting> opening() {
        return opening;
    }
}
