package closedloop.notification.message.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffUnitTests {

    static final DeliveryProperties.Backoff BACKOFF =
            new DeliveryProperties.Backoff(Duration.ofSeconds(30), 2, Duration.ofMinutes(10));

    @Test
    void waitsTheInitialTimeAfterTheFirstFailure() {
        assertThat(BACKOFF.after(1)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void multipliesTheWaitAfterEachFurtherFailure() {
        assertThat(BACKOFF.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(BACKOFF.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(BACKOFF.after(5)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(BACKOFF.after(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(BACKOFF.after(500)).isEqualTo(Duration.ofMinutes(10));
    }
}
