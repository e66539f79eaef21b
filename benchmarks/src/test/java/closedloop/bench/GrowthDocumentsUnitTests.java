package closedloop.bench;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthDocumentsUnitTests {

    private static final Instant REGISTERED = Instant.parse("2026-03-01T08:00:00Z");

    private final Document stored = new Document("_id", "c-1").append("version", 4L)
            .append("number", "TS-20261207-000001").append("category", "BILLING")
            .append("customer", new Document("name", "Wang Fang").append("phone", "13900000001"))
            .append("timeline", List.of(new Document("type", "ComplaintRegistered")))
            .append("outbox", List.of(new Document("eventId", "e-1"))).append("outboxSince", new Date())
            .append("outboxClaim", new Document("until", new Date()));
    private final Document storedSummary = new Document("_id", "13900000001|BILLING")
            .append("entries", List.of(new Document("complaintId", "c-1"))).append("_class", "summary");
    private final GrowthDocuments documents = new GrowthDocuments(stored, storedSummary, LocalDate.of(2024, 1, 1));

    @Test
    void aCopyHasItsOwnIdNumberCustomerAndTimeAndNothingToPublish() {
        Document copy = documents.complaint(7, "id-7", REGISTERED);

        assertThat(copy.getString("_id")).isEqualTo("id-7");
        assertThat(copy.getString("number")).isEqualTo("TS-20240101-000007");
        assertThat(copy.getDate("registeredAt")).isEqualTo(Date.from(REGISTERED));
        assertThat(copy.get("customer", Document.class).getString("phone")).isEqualTo("13800000007");
        assertThat(copy.get("customer", Document.class).getString("name")).isEqualTo("Wang Fang");
        assertThat(copy.getList("outbox", Object.class)).isEmpty();
        assertThat(copy).doesNotContainKeys("outboxSince", "outboxClaim");
        assertThat(copy.get("timeline")).isEqualTo(stored.get("timeline"));
        assertThat(stored.get("customer", Document.class).getString("phone")).isEqualTo("13900000001");
        assertThat(stored).containsKey("outboxSince");
    }

    @Test
    void numbersAndPhonesNeverRepeatAndNumbersMoveToTheNextDayWhenOneIsFull() {
        Set<String> numbers = new HashSet<>();
        Set<String> phones = new HashSet<>();
        IntStream.of(0, 1, GrowthDocuments.NUMBERS_PER_DAY - 1, GrowthDocuments.NUMBERS_PER_DAY, 999_999)
                .forEach(i -> {
                    numbers.add(documents.number(i));
                    phones.add(GrowthDocuments.phone(i));
                });

        assertThat(numbers).hasSize(5).contains("TS-20240101-899999", "TS-20240102-000000");
        assertThat(phones).hasSize(5).allMatch(phone -> phone.startsWith("138") && phone.length() == 11);
    }

    @Test
    void theSummaryNamesTheComplaintUnderItsCustomersKey() {
        Document summary = documents.summary(7, "id-7", REGISTERED);

        assertThat(summary.getString("_id")).isEqualTo("13800000007|BILLING");
        assertThat(summary.getString("_class")).isEqualTo("summary");
        assertThat(summary.getList("entries", Document.class)).containsExactly(new Document("complaintId", "id-7")
                .append("number", "TS-20240101-000007").append("registeredAt", Date.from(REGISTERED)));
    }
}
