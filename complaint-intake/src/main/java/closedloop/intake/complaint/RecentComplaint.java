package closedloop.intake.complaint;

import java.time.Instant;

/**
 * One entry of a {@link CustomerRecentComplaints} list: a complaint the customer registered in that category. It is
 * written before the complaint is inserted, so it may name a complaint that was never stored.
 *
 * @param complaintId  the complaint's id
 * @param number       the number it was given
 * @param registeredAt when it was registered
 */
public record RecentComplaint(String complaintId, String number, Instant registeredAt) {
}
