package closedloop.bench;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

/**
 * The complaints {@code ./bench-loop-growth} stores before it measures again, each copied from a complaint the loop
 * stored (so every field, the timeline included, has a real complaint's shape and size) with its own id, number,
 * customer and registration time, and with nothing left in its outbox (as after the relay). Beside each, the
 * customer's summary that repeat detection reads by key ({@code customer_recent_complaints}), naming it.
 *
 * <p>The callers of the load ({@code loop-load}) have numbers starting 139; these customers' start 138, so the load
 * neither repeats them nor reads their summaries: what it meets is a collection of a million other documents.
 */
final class GrowthDocuments {

    /** Numbers are {@code TS-<day>-<6 digits>}; the stored ones get days of their own, this many per day. */
    static final int NUMBERS_PER_DAY = 900_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> OUTBOX_FIELDS = List.of("outbox", "outboxSince", "outboxClaim");

    private final Document complaint;
    private final Document summary;
    private final LocalDate firstDay;

    /**
     * @param complaint a complaint as the loop stored it
     * @param summary   a {@code customer_recent_complaints} document as the loop stored it
     * @param firstDay  the day of the first number handed out; later numbers take the days after it
     */
    GrowthDocuments(Document complaint, Document summary, LocalDate firstDay) {
        this.complaint = complaint;
        this.summary = summary;
        this.firstDay = firstDay;
    }

    /** The i-th complaint, with the given id, registered at {@code registeredAt}. */
    Document complaint(int i, String id, Instant registeredAt) {
        Document copy = new Document(complaint);
        OUTBOX_FIELDS.forEach(copy::remove);
        copy.put("_id", id);
        copy.put("number", number(i));
        copy.put("registeredAt", Date.from(registeredAt));
        copy.put("outbox", List.of());
        Document customer = new Document(complaint.get("customer", Document.class));
        customer.put("phone", phone(i));
        copy.put("customer", customer);
        return copy;
    }

    /** The summary of the i-th complaint's customer and category, naming that one complaint. */
    Document summary(int i, String complaintId, Instant registeredAt) {
        Document copy = new Document(summary);
        copy.put("_id", phone(i) + "|" + complaint.getString("category"));
        copy.put("entries", List.of(new Document("complaintId", complaintId).append("number", number(i))
                .append("registeredAt", Date.from(registeredAt))));
        return copy;
    }

    String number(int i) {
        return "TS-" + DAY.format(firstDay.plusDays(i / NUMBERS_PER_DAY)) + "-"
                + String.format("%06d", i % NUMBERS_PER_DAY);
    }

    static String phone(int i) {
        return "138" + String.format("%08d", i);
    }
}
