package closedloop.escalation.league;

/**
 * One branch's line in the league table. The rates are over the tickets dispatched to the branch in the window (the
 * repeat-complaint rate over their complaints); open and overdue tickets are the branch's worklist now, whenever
 * the tickets were dispatched. docs/league-table.md defines each figure.
 *
 * @param dispatched             tickets dispatched to the branch in the window
 * @param promisesKeptOnTimeRate the promises to those complaints' customers that the branch owed, kept by their due
 *                               time, of those kept or found not kept by it (waived ones left out)
 */
public record BranchStanding(String branch, long dispatched, Rate onTimeSignForRate, Rate onTimeResolutionRate,
                             Rate satisfactionRate, Rate reopenRate, Rate returnRate, Rate repeatComplaintRate,
                             Rate promisesKeptOnTimeRate, long openTickets, long overdueTickets) {
}
