package closedloop.escalation.sla;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClockBoardUnitTests {

    private final ClockBoard board = new ClockBoard();
    private final String a = UUID.randomUUID().toString();
    private final String b = UUID.randomUUID().toString();
    private final String c = "not-a-uuid";

    @BeforeEach
    void ownPartitions() {
        board.own(0);
        board.own(1);
    }

    @Test
    void handsOutDueCasesEarliestFirstAndTakesThemOff() {
        board.schedule(a, 0, 300L);
        board.schedule(b, 1, 100L);
        board.schedule(c, 0, 200L);

        assertThat(board.takeDue(250, 10)).extracting(ClockBoard.Due::complaintId).containsExactly(b, c);
        assertThat(board.takeDue(250, 10)).isEmpty();
        assertThat(board.size()).isEqualTo(1);
        assertThat(board.earliest()).isEqualTo(300L);
    }

    @Test
    void bringsForwardEveryCaseDueFromAnInstantOnAndLeavesTheEarlierOnes() {
        String named = "not-a-uuid";
        String negative = "ffffffff-0000-4000-8000-000000000000";
        board.schedule(a, 0, 100L);
        board.schedule(b, 1, 1_000L);
        board.schedule(named, 0, 2_000L);
        board.schedule(negative, 0, 1_000L);

        assertThat(board.bringForward(1_000L, 150L)).isEqualTo(3);

        assertThat(board.dueAt(a)).isEqualTo(100L);
        assertThat(board.takeDue(150, 10)).extracting(ClockBoard.Due::complaintId)
                .containsExactlyInAnyOrder(a, b, named, negative);
    }

    @Test
    void takesAtMostTheBatchSize() {
        for (int i = 0; i < 10; i++) {
            board.schedule(UUID.randomUUID().toString(), 0, 50L);
        }

        assertThat(board.takeDue(50, 4)).hasSize(4);
        assertThat(board.size()).isEqualTo(6);
    }

    @Test
    void reschedulesByReplacingTheEntryAndRemovesItWhenNothingIsDue() {
        board.schedule(a, 0, 100L);
        board.schedule(a, 0, 500L);

        assertThat(board.takeDue(400, 10)).isEmpty();
        assertThat(board.dueAt(a)).isEqualTo(500L);
        board.schedule(a, 0, null);
        assertThat(board.size()).isZero();
    }

    @Test
    void tellsWhenAScheduledCaseIsNowTheEarliest() {
        assertThat(board.schedule(a, 0, 100L)).isTrue();
        assertThat(board.schedule(b, 0, 200L)).isFalse();
        assertThat(board.schedule(c, 0, 50L)).isTrue();
    }

    @Test
    void keepsTheEarlierInstantWhenACaseWasScheduledWhileItFired() {
        board.schedule(a, 0, 100L);
        board.takeDue(100, 10);
        board.schedule(a, 0, 400L);

        board.scheduleKeepingEarlier(a, 0, 700L);
        assertThat(board.dueAt(a)).isEqualTo(400L);
        board.scheduleKeepingEarlier(a, 0, 300L);
        assertThat(board.dueAt(a)).isEqualTo(300L);
        board.scheduleKeepingEarlier(b, 0, 900L);
        assertThat(board.dueAt(b)).isEqualTo(900L);
    }

    @Test
    void dropsThePartitionsItNoLongerOwnsAndIgnoresTheirCases() {
        board.schedule(a, 0, 100L);
        board.schedule(b, 1, 100L);
        board.schedule(c, 1, 200L);

        assertThat(board.dropPartition(1)).isEqualTo(2);
        board.schedule(b, 1, 100L);

        assertThat(board.takeDue(1000, 10)).extracting(ClockBoard.Due::complaintId).containsExactly(a);
        assertThat(board.ownedPartitions()).containsExactly(0);
    }

    @Test
    void holdsAMillionCasesCompactly() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        for (int i = 0; i < 1_000_000; i++) {
            board.schedule(new UUID(i, i * 31L).toString(), i % 2, 1_000L + i % 5000);
        }
        System.gc();
        long used = runtime.totalMemory() - runtime.freeMemory() - before;

        assertThat(board.size()).isEqualTo(1_000_000);
        assertThat(used).isLessThan(300L * 1024 * 1024);
        assertThat(board.takeDue(1_000, 1_000_000)).hasSize(200);
    }
}
