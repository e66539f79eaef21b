package closedloop.intake.complaint;

/** An earlier complaint of the same customer and category that makes a new one a repeat. */
public record EarlierComplaint(String id, String number) {
}
