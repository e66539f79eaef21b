package closedloop.intake.complaint;

import closedloop.contracts.Category;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's list of recent complaints of one category and the candidates it offers, without Spring. */
class CustomerRecentComplaintsUnitTests {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    static final Instant WINDOW_START = NOW.minus(Duration.ofDays(30));

    @Test
    void keysTheListByPhoneAndCategory() {
        assertThat(CustomerRecentComplaints.keyOf("13900000001", Category.BILLING)).isEqualTo("13900000001|BILLING");
        assertThat(CustomerRecentComplaints.keyOf("13900000001", Category.NETWORK_QUALITY))
                .isNotEqualTo(CustomerRecentComplaints.keyOf("13900000001", Category.BILLING));
    }

    @Test
    void offersTheEntriesWithinTheWindowBothEndsIncludedNewestFirst() {
        CustomerRecentComplaints list = list(entry("c-start", 1, WINDOW_START), entry("c-before", 2,
                WINDOW_START.minusMillis(1)), entry("c-now", 3, NOW), entry("c-later", 4, NOW.plusMillis(1)),
                entry("c-mid", 5, NOW.minus(Duration.ofDays(2))));

        assertThat(ids(list.candidates("c-new", WINDOW_START, NOW))).containsExactly("c-now", "c-mid", "c-start");
    }

    @Test
    void breaksTiesOfOneInstantByTheHigherNumberFirst() {
        CustomerRecentComplaints list = list(entry("c-7", 7, NOW), entry("c-9", 9, NOW), entry("c-8", 8, NOW));

        assertThat(ids(list.candidates("c-new", WINDOW_START, NOW))).containsExactly("c-9", "c-8", "c-7");
    }

    @Test
    void neverOffersTheComplaintItselfAndEachComplaintOnce() {
        CustomerRecentComplaints list = list(entry("c-own", 3, NOW), entry("c-1", 1, NOW.minusSeconds(60)),
                entry("c-1", 1, NOW.minusSeconds(30)));

        assertThat(ids(list.candidates("c-own", WINDOW_START, NOW))).containsExactly("c-1");
        assertThat(list.lists("c-own")).isTrue();
        assertThat(list.lists("c-other")).isFalse();
    }

    @Test
    void offersAtMostTheNumberItKeeps() {
        CustomerRecentComplaints list = new CustomerRecentComplaints("k", IntStream.range(0, 150)
                .mapToObj(i -> entry("c-" + i, i + 1, NOW.minusSeconds(i))).toList());

        List<RecentComplaint> candidates = list.candidates("c-new", WINDOW_START, NOW);

        assertThat(candidates).hasSize(CustomerRecentComplaints.MAX_KEPT);
        assertThat(candidates.get(0).complaintId()).isEqualTo("c-0");
    }

    @Test
    void offersNothingFromAnEmptyList() {
        assertThat(new CustomerRecentComplaints("k", null).candidates("c-new", WINDOW_START, NOW)).isEmpty();
    }

    static CustomerRecentComplaints list(RecentComplaint... entries) {
        return new CustomerRecentComplaints("13900000001|BILLING", List.of(entries));
    }

    static RecentComplaint entry(String id, long number, Instant registeredAt) {
        return new RecentComplaint(id, ComplaintNumber.of(LocalDate.of(2026, 11, 23), number), registeredAt);
    }

    static List<String> ids(List<RecentComplaint> entries) {
        return entries.stream().map(RecentComplaint::complaintId).toList();
    }
}
