package closedloop.escalation.whatif;

import closedloop.contracts.Category;

import java.time.Instant;
import java.util.List;

/**
 * What a draft policy would have done to the tickets of a window, beside what happened, per branch and category.
 *
 * @param from          the window's start: complaints first dispatched at or after it
 * @param to            the window's end: complaints first dispatched before it
 * @param replayedUntil the instant up to which every rung that fell due was fired (when the what-if ran)
 * @param complaints    how many complaints the window holds
 * @param rows          one per branch and category with tickets, by branch, then category
 * @param total         the rows added up
 */
public record WhatIfReport(Instant from, Instant to, Instant replayedUntil, int complaints, List<Row> rows,
                           Row total) {

    /**
     * The tickets a branch was dispatched in one category, and how many of them reached each rung.
     *
     * @param branch   the branch, null in the total
     * @param category the category, null in the total
     * @param draft    under the draft policy
     * @param actual   as it happened, under the policy versions in force
     */
    public record Row(String branch, Category category, int tickets, Counts draft, Counts actual) {
    }

    /** How many tickets were warned (催办), reached level 1 (督办) and level 2 (办公会). */
    public record Counts(int warned, int level1, int level2) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(warned + other.warned, level1 + other.level1, level2 + other.level2);
        }
    }
}
