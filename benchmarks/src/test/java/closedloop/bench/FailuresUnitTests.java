package closedloop.bench;

import org.junit.jupiter.api.Test;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresUnitTests {

    @Test
    void countsFailuresByTheStatusOrByWhyThereWasNoAnswer() {
        Failures failures = new Failures();

        failures.answered(401);
        failures.answered(401);
        failures.answered(500);
        failures.unanswered(new CompletionException(new HttpTimeoutException("request timed out")));

        assertThat(failures.total()).isEqualTo(4);
        assertThat(failures.describe())
                .isEqualTo("2 answered 401, 1 answered 500, 1 no answer (HttpTimeoutException)");
    }

    @Test
    void saysNoneWhenEveryAnswerWasTheExpectedOne() {
        assertThat(new Failures().describe()).isEqualTo("none");
        assertThat(new Failures().total()).isZero();
    }
}
