package closedloop.platform.domain;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RaceRetryUnitTests {

    private final RaceRetry retry = new RaceRetry(new RaceRetryProperties(3, Duration.ofMillis(1)));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void triesAgainFromAFreshReadUntilTheWriteWins() {
        String saved = retry.retrying(() -> attempts.incrementAndGet() < 3
                ? Mono.error(new OptimisticLockingFailureException("lost"))
                : Mono.just("saved on attempt " + attempts.get())).block();

        assertThat(saved).isEqualTo("saved on attempt 3");
    }

    @Test
    void treatsADuplicateKeyAsALostRaceToo() {
        String saved = retry.retrying(() -> attempts.incrementAndGet() == 1
                ? Mono.error(new DuplicateKeyException("created first"))
                : Mono.just("saved")).block();

        assertThat(saved).isEqualTo("saved");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void passesTheLastLostRaceOnWhenEveryAttemptLost() {
        Mono<String> alwaysLoses = retry.retrying(() -> {
            attempts.incrementAndGet();
            return Mono.error(new OptimisticLockingFailureException("lost again"));
        });

        assertThatThrownBy(alwaysLoses::block).isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessage("lost again");
        assertThat(attempts).hasValue(1 + 3);
    }

    @Test
    void neverRetriesAnyOtherFailure() {
        Mono<String> broken = retry.retrying(() -> {
            attempts.incrementAndGet();
            return Mono.error(new IllegalStateException("not a race"));
        });

        assertThatThrownBy(broken::block).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
