package closedloop.platform;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingMarkerUnitTests {

    static final Instant SINCE = Instant.parse("2026-11-23T01:00:00Z");
    static final Instant NOW = SINCE.plusSeconds(60);

    @Test
    void keepsSinceWhenADocumentStartedWaitingWhileItWaits() {
        assertThat(WaitingMarker.whileWaiting(true, SINCE, NOW)).isEqualTo(SINCE);
    }

    @Test
    void startsTheMarkerNowWhenADocumentStartsWaitingOrWaitedWithoutOne() {
        assertThat(WaitingMarker.whileWaiting(true, null, NOW)).isEqualTo(NOW);
    }

    @Test
    void dropsTheMarkerOnceADocumentNoLongerWaits() {
        assertThat(WaitingMarker.whileWaiting(false, SINCE, NOW)).isNull();
        assertThat(WaitingMarker.whileWaiting(false, null, NOW)).isNull();
    }

    @Test
    void asksForTheMarkerAloneSoThatASparseIndexOnItCanAnswer() {
        assertThat(WaitingMarker.waiting("awaitingDelivery").getCriteriaObject())
                .isEqualTo(new Document("awaitingDelivery", new Document("$exists", true)));
    }
}
