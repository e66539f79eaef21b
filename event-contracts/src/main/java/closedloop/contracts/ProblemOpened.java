package closedloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Complaints were found to share one cause and a problem (问题单) was opened for them, so that one corrective action can
 * answer them all (触类旁通). A problem's own events travel under the key of its first complaint ({@code complaintId}),
 * so they stay in order; each linked complaint is also told {@link ComplaintLinkedToProblem}.
 *
 * @param problemId    the problem, {@code PB-…}
 * @param rootCause    the root cause the complaints share, when that is what linked them; else null
 * @param complaintIds the complaints linked at opening, the first one first
 * @param actor        the supervisor who opened it by hand; null when it was detected
 */
public record ProblemOpened(UUID eventId, Instant occurredAt, String complaintId, String problemId, String title,
                            Category category, String district, RootCause rootCause, ProblemOrigin origin,
                            List<String> complaintIds, String actor) implements ClosedLoopEvent {

    public ProblemOpened {
        complaintIds = complaintIds == null ? List.of() : List.copyOf(complaintIds);
    }

    @Override
    public String summary() {
        return "Problem " + problemId + " opened (" + origin + ", " + complaintIds.size() + " complaints): " + title;
    }
}
