package closedloop.escalation.league.web;

import closedloop.escalation.league.BranchStanding;

import java.time.Instant;
import java.util.List;

/**
 * A league table as supervisors read it.
 *
 * @param from     the window's start: tickets dispatched at or after it count
 * @param to       the window's end: tickets dispatched before it count
 * @param asOf     the instant the deadlines and the open and overdue tickets were judged at (now)
 * @param sortedBy the order of {@code branches}, in words
 */
public record LeagueTableResponse(Instant from, Instant to, Instant asOf, String sortedBy,
                                  List<BranchStanding> branches) {
}
