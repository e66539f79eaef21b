package closedloop.escalation.problem;

import closedloop.contracts.Category;
import closedloop.contracts.RootCause;

/**
 * What the complaints of a problem share: a category in one district, or a root cause found at resolution in one
 * district. Its {@link #key()} names the detector's watch of that kind.
 */
public record ProblemKind(Category category, RootCause rootCause, String district) {

    public static ProblemKind of(Category category, String district) {
        return new ProblemKind(category, null, district);
    }

    public static ProblemKind of(RootCause rootCause, String district) {
        return new ProblemKind(null, rootCause, district);
    }

    /** The key of the watch of this kind, e.g. {@code CATEGORY/BILLING/Lixia}. */
    public String key() {
        return category != null ? "CATEGORY/" + category + "/" + district : "ROOT_CAUSE/" + rootCause + "/" + district;
    }

    /** The title of a problem of this kind that was detected, e.g. "NETWORK_QUALITY complaints in Lixia". */
    String detectedTitle() {
        return (category != null ? category + " complaints" : "Complaints with root cause " + rootCause)
                + " in " + district;
    }
}
