package closedloop.router.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The complaint's trail along the chain of its tickets, taken whole from one ticket to the next: the branches that
 * returned it (退单, counted against each of them), how often it was passed on (returned or transferred), how often in
 * a row with nobody signing for it, and whether that was reported as unclaimed already (once per complaint).
 *
 * @param returnedBy        the branches that returned the complaint, in order, one entry per return
 * @param timesPassedOn     how often the complaint was passed on
 * @param unclaimedPasses   how often in a row it was passed on with nobody signing for it
 * @param unclaimedReported whether the complaint was reported unclaimed already
 */
public record ComplaintTrail(List<String> returnedBy, int timesPassedOn, int unclaimedPasses,
                             boolean unclaimedReported) {

    /** The trail of a complaint's first ticket: nothing happened yet. */
    static final ComplaintTrail NONE = new ComplaintTrail(List.of(), 0, 0, false);

    public ComplaintTrail {
        returnedBy = List.copyOf(returnedBy);
    }

    /** Returned by the branch: the branch is on the trail for good, and the complaint was passed on. */
    ComplaintTrail returnedBy(String branch, boolean signedFor) {
        List<String> returned = new ArrayList<>(returnedBy);
        returned.add(branch);
        return new ComplaintTrail(returned, timesPassedOn, unclaimedPasses, unclaimedReported).passedOn(signedFor);
    }

    /** Passed on once more; a pass of a ticket nobody signed for continues the unclaimed run, any other ends it. */
    ComplaintTrail passedOn(boolean signedFor) {
        return new ComplaintTrail(returnedBy, timesPassedOn + 1, signedFor ? 0 : unclaimedPasses + 1,
                unclaimedReported);
    }

    /** Somebody signed for the complaint, or it was reopened: the run of unclaimed passes starts again. */
    ComplaintTrail withoutUnclaimedPasses() {
        return new ComplaintTrail(returnedBy, timesPassedOn, 0, unclaimedReported);
    }

    /** Whether the complaint is unclaimed now, passed on this many times in a row unsigned, and not reported yet. */
    boolean newlyUnclaimed(int unclaimedAfter) {
        return unclaimedPasses >= unclaimedAfter && !unclaimedReported;
    }

    /** The complaint was reported unclaimed; it is not reported again. */
    ComplaintTrail reportedUnclaimed() {
        return new ComplaintTrail(returnedBy, timesPassedOn, unclaimedPasses, true);
    }
}
