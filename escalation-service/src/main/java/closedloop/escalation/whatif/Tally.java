package closedloop.escalation.whatif;

import closedloop.contracts.Category;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEvent;
import closedloop.escalation.whatif.WhatIfReport.Counts;
import closedloop.escalation.whatif.WhatIfReport.Row;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds up the compared complaints of a what-if per branch and category, ticket by ticket; not thread-safe. */
final class Tally {

    private final Map<Key, Row> rows = new HashMap<>();
    private int complaints;

    /** One complaint: each of its tickets counts for the branch and category it was dispatched with. */
    Tally add(Compared complaint) {
        complaints++;
        for (TicketEvent event : complaint.history()) {
            if (event instanceof TicketAssigned assigned) {
                Key key = new Key(assigned.branch(), assigned.category());
                Row ticket = new Row(key.branch(), key.category(), 1, counts(complaint.draft(), assigned.ticketId()),
                        counts(complaint.actual(), assigned.ticketId()));
                rows.merge(key, ticket, Tally::sum);
            }
        }
        return this;
    }

    WhatIfReport report(Instant from, Instant to, Instant replayedUntil) {
        List<Row> sorted = rows.values().stream()
                .sorted(Comparator.comparing(Row::branch).thenComparing(Row::category))
                .toList();
        Row total = sorted.stream().reduce(new Row(null, null, 0, Counts.NONE, Counts.NONE), Tally::sum);
        return new WhatIfReport(from, to, replayedUntil, complaints, sorted, new Row(null, null, total.tickets(),
                total.draft(), total.actual()));
    }

    private static Counts counts(Rungs rungs, String ticketId) {
        return new Counts(rungs.warned().contains(ticketId) ? 1 : 0, rungs.level1().contains(ticketId) ? 1 : 0,
                rungs.level2().contains(ticketId) ? 1 : 0);
    }

    private static Row sum(Row a, Row b) {
        return new Row(a.branch(), a.category(), a.tickets() + b.tickets(), a.draft().plus(b.draft()),
                a.actual().plus(b.actual()));
    }

    private record Key(String branch, Category category) {
    }

    /** One complaint's history with the rungs it reached under the draft and as it happened. */
    record Compared(List<TicketEvent> history, Rungs draft, Rungs actual) {
    }
}
