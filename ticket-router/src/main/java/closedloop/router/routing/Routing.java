package closedloop.router.routing;

import closedloop.contracts.Category;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The routing rule, by district × category. Among the active branches, the first of these that exists wins:
 * <ol>
 *     <li>a branch naming both the complaint's district and its category;</li>
 *     <li>a branch naming the category for every district ({@code districts: ["*"]}, e.g. a billing centre);</li>
 *     <li>a branch naming the district with no categories (it takes every category there);</li>
 *     <li>a branch with {@code districts: ["*"]} and no categories (a catch-all).</li>
 * </ol>
 * Nothing matching goes to the dispatch desk {@link #MANUAL}, where a person routes it by hand. A complaint is never
 * routed to a branch it was excluded from (one that returned it); the next rule that matches is tried instead.
 * Districts match ignoring case and surrounding blanks. Two active branches claiming the same district and category
 * at the same rank make the directory invalid.
 */
public final class Routing {

    /** The dispatch desk: the branch code for complaints no rule could route. */
    public static final String MANUAL = "MANUAL";

    /** The district that stands for every district. */
    public static final String ANY_DISTRICT = "*";

    private final List<Branch> directory;
    private final Map<String, Branch> byCode = new HashMap<>();
    /** Rank → (district or *, category or null) → branch code. */
    private final List<Map<Key, String>> ranks = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());

    private record Key(String district, Category category) {
    }

    /** The rule for this branch directory; fails when it is not valid (see the class comment). */
    public Routing(List<Branch> directory) {
        this.directory = List.copyOf(directory);
        for (Branch branch : directory) {
            check(branch);
            if (byCode.putIfAbsent(branch.code(), branch) != null) {
                throw new IllegalArgumentException("Branch code " + branch.code() + " is listed twice");
            }
            if (branch.active()) {
                branch.districts().forEach(district -> claimAll(branch, normalised(district)));
            }
        }
    }

    private static void check(Branch branch) {
        if (branch == null || branch.code() == null || branch.code().isBlank()) {
            throw new IllegalArgumentException("Every branch needs a code");
        }
        if (branch.districts().stream().anyMatch(district -> district == null || district.isBlank())) {
            throw new IllegalArgumentException("Branch " + branch.code() + " lists a blank district");
        }
    }

    private void claimAll(Branch branch, String district) {
        boolean anywhere = district.equals(ANY_DISTRICT);
        if (branch.categories().isEmpty()) {
            claim(anywhere ? 3 : 2, new Key(district, null), branch.code());
        } else {
            branch.categories().forEach(category -> claim(anywhere ? 1 : 0, new Key(district, category), branch.code()));
        }
    }

    private void claim(int rank, Key key, String branch) {
        String earlier = ranks.get(rank).putIfAbsent(key, branch);
        if (earlier != null && !earlier.equals(branch)) {
            throw new IllegalArgumentException("District '" + key.district() + "'"
                    + (key.category() == null ? "" : " and category " + key.category())
                    + " are served by both " + earlier + " and " + branch);
        }
    }

    /** The code of the branch that must handle a complaint from this district (any category). */
    public String branchFor(String district) {
        return branchFor(district, null, Set.of());
    }

    /** The code of the branch that must handle a complaint of this category from this district. */
    public String branchFor(String district, Category category) {
        return branchFor(district, category, Set.of());
    }

    /**
     * The code of the branch that must handle a complaint of this category from this district, never one of the
     * excluded branches; {@link #MANUAL} when no other branch is left.
     */
    public String branchFor(String district, Category category, Collection<String> excluded) {
        String place = district == null || district.isBlank() ? null : normalised(district);
        List<Key> candidates = new ArrayList<>();
        candidates.add(new Key(place, category));
        candidates.add(new Key(ANY_DISTRICT, category));
        candidates.add(new Key(place, null));
        candidates.add(new Key(ANY_DISTRICT, null));
        Set<String> skip = new HashSet<>(excluded);
        for (int rank = 0; rank < ranks.size(); rank++) {
            Key key = candidates.get(rank);
            if (key.district() == null || (rank < 2 && category == null)) {
                continue;
            }
            String branch = ranks.get(rank).get(key);
            if (branch != null && !skip.contains(branch)) {
                return branch;
            }
        }
        return MANUAL;
    }

    /** The branches as the directory lists them. */
    public List<Branch> branches() {
        return directory;
    }

    /** Whether tickets can be sent to this branch by hand: it is listed and active. */
    public boolean takesTickets(String code) {
        Branch branch = code == null ? null : byCode.get(code);
        return branch != null && branch.active();
    }

    private static String normalised(String district) {
        return district.strip().toLowerCase(Locale.ROOT);
    }
}
