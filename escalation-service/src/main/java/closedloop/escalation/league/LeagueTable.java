package closedloop.escalation.league;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The league table under construction, from the facts of the tickets dispatched in the window, the facts of the
 * tickets open now, and the facts of the window's complaints. It keeps counters per branch, not the tickets, so
 * that a long window streams through it. Not thread-safe: feed it from one sequence.
 */
public final class LeagueTable {

    /** The order of the table: best on-time resolution first, branches without that rate last, then by name. */
    public static final Comparator<BranchStanding> ORDER = Comparator
            .comparing((BranchStanding standing) -> standing.onTimeResolutionRate().rate(),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BranchStanding::branch);

    /** The order of the table in words, for the answer. */
    public static final String ORDER_DESCRIBED =
            "onTimeResolutionRate.rate descending (branches without one last), then branch ascending";

    private final Instant now;
    private final Set<String> excludedBranches;
    private final Map<String, Tally> tallies = new TreeMap<>();
    /** Each window complaint's latest dispatched ticket, whose branch owes a promise that names none. */
    private final Map<String, TicketFact> latestTicketOf = new HashMap<>();

    /**
     * @param now              the instant that decides which deadlines have passed and which tickets are overdue
     * @param excludedBranches pseudo-branches such as the dispatch desk, left out of the table
     */
    public LeagueTable(Instant now, Set<String> excludedBranches) {
        this.now = now;
        this.excludedBranches = Set.copyOf(excludedBranches);
    }

    /** Counts a ticket dispatched in the window into its branch's rates. */
    public void addDispatched(TicketFact ticket) {
        if (!counts(ticket)) {
            return;
        }
        Tally tally = tallyOf(ticket.branch());
        tally.dispatched++;
        tally.signFor.add(ticket.signedForOnTime(now));
        tally.resolution.add(ticket.resolvedOnTime(now));
        if (ticket.hasCallbackAnswer()) {
            tally.satisfaction.add(ticket.isSatisfied());
        }
        if (ticket.resolvedAt() != null) {
            tally.reopen.add(ticket.reopenedAt() != null);
        }
        tally.returned.add(ticket.returnedAt() != null);
        tally.complaintIds.add(ticket.complaintId());
        latestTicketOf.merge(ticket.complaintId(), ticket,
                (known, other) -> other.dispatchedAt().isAfter(known.dispatchedAt()) ? other : known);
    }

    /** Counts a ticket the branch holds now (dispatched at any time) into its open and overdue tickets. */
    public void addOpen(TicketFact ticket) {
        if (!counts(ticket) || !ticket.isOpen()) {
            return;
        }
        Tally tally = tallyOf(ticket.branch());
        tally.open++;
        if (ticket.isOverdue(now)) {
            tally.overdue++;
        }
    }

    /**
     * Counts a promise of one of the window's complaints ({@link #complaintIds()}) into the promises-kept-on-time rate
     * of the branch that owed it (one found breached before its complaint was dispatched names none: then the branch
     * of the complaint's latest ticket in the window), once it was kept or found not kept by its due time.
     */
    public void addObligation(ObligationFact obligation) {
        TicketFact latest = latestTicketOf.get(obligation.complaintId());
        String branch = obligation.branch() != null ? obligation.branch() : latest == null ? null : latest.branch();
        if (branch == null || excludedBranches.contains(branch)) {
            return;
        }
        tallyOf(branch).promises.add(obligation.keptOnTime());
    }

    /** The complaints of the window's tickets, whose facts {@link #standings} needs. */
    public Set<String> complaintIds() {
        Set<String> ids = new HashSet<>();
        tallies.values().forEach(tally -> ids.addAll(tally.complaintIds));
        return ids;
    }

    /**
     * The table in {@link #ORDER}.
     *
     * @param complaints the facts of (some of) the {@link #complaintIds()}, by id; a complaint without facts is not
     *                   counted in the repeat-complaint rate
     */
    public List<BranchStanding> standings(Map<String, ComplaintFact> complaints) {
        List<BranchStanding> standings = new ArrayList<>();
        tallies.forEach((branch, tally) -> standings.add(tally.standing(branch, complaints)));
        standings.sort(ORDER);
        return standings;
    }

    private boolean counts(TicketFact ticket) {
        return ticket.dispatchedAt() != null && ticket.branch() != null && !excludedBranches.contains(ticket.branch());
    }

    private Tally tallyOf(String branch) {
        return tallies.computeIfAbsent(branch, name -> new Tally());
    }

    /** One branch's counters. */
    private static final class Tally {
        private long dispatched;
        private final Share signFor = new Share();
        private final Share resolution = new Share();
        private final Share satisfaction = new Share();
        private final Share reopen = new Share();
        private final Share returned = new Share();
        private final Share promises = new Share();
        private final Set<String> complaintIds = new HashSet<>();
        private long open;
        private long overdue;

        BranchStanding standing(String branch, Map<String, ComplaintFact> complaints) {
            Share repeat = new Share();
            complaintIds.forEach(id -> {
                ComplaintFact complaint = complaints.get(id);
                repeat.add(complaint == null ? null : complaint.repeat());
            });
            return new BranchStanding(branch, dispatched, signFor.rate(), resolution.rate(), satisfaction.rate(),
                    reopen.rate(), returned.rate(), repeat.rate(), promises.rate(), open, overdue);
        }
    }

    /** A numerator and a denominator; a null verdict counts in neither. */
    private static final class Share {
        private long count;
        private long outOf;

        void add(Boolean verdict) {
            if (verdict != null) {
                outOf++;
                if (verdict) {
                    count++;
                }
            }
        }

        Rate rate() {
            return Rate.of(count, outOf);
        }
    }
}
