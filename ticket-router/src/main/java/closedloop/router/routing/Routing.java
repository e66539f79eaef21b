package closedloop.router.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routing rule: a complaint goes to the active branch that serves its district. A district nobody (active)
 * serves, or none at all, goes to the dispatch desk {@link #MANUAL}, where a person routes it by hand.
 * Districts match ignoring case and surrounding blanks.
 */
public final class Routing {

    /** The dispatch desk: the branch code for complaints no rule could route. */
    public static final String MANUAL = "MANUAL";

    private final Map<String, String> branchByDistrict = new HashMap<>();

    /** The rule for this branch directory; fails when two active branches claim the same district. */
    public Routing(List<Branch> directory) {
        for (Branch branch : directory) {
            if (branch.active()) {
                branch.districts().forEach(district -> claim(normalised(district), branch.code()));
            }
        }
    }

    private void claim(String district, String branch) {
        String earlier = branchByDistrict.putIfAbsent(district, branch);
        if (earlier != null && !earlier.equals(branch)) {
            throw new IllegalArgumentException(
                    "District '" + district + "' is served by both " + earlier + " and " + branch);
        }
    }

    /** The code of the branch that must handle a complaint from this district. */
    public String branchFor(String district) {
        if (district == null || district.isBlank()) {
            return MANUAL;
        }
        return branchByDistrict.getOrDefault(normalised(district), MANUAL);
    }

    private static String normalised(String district) {
        return district.strip().toLowerCase(Locale.ROOT);
    }
}
