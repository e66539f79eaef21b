package closedloop.notification.message;

import closedloop.contracts.CallbackOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTextsUnitTests {

    static final String NUMBER = "TS-20261122-000123";

    @Test
    void acknowledgesTheRegistrationWithTheNumberAndThePromisedReplyTime() {
        assertThat(MessageTexts.registrationAck(NUMBER, Duration.ofHours(24)))
                .isEqualTo("Your complaint TS-20261122-000123 has been registered. We will reply within 24 hours.");
    }

    @Test
    void promisesTheReplyInDaysHoursOrMinutes() {
        assertThat(MessageTexts.within(Duration.ofHours(1))).isEqualTo("within 1 hour");
        assertThat(MessageTexts.within(Duration.ofHours(48))).isEqualTo("within 2 days");
        assertThat(MessageTexts.within(Duration.ofHours(36))).isEqualTo("within 36 hours");
        assertThat(MessageTexts.within(Duration.ofMinutes(90))).isEqualTo("within 90 minutes");
    }

    @Test
    void announcesTheResolutionAndTheCallback() {
        assertThat(MessageTexts.resolutionNotice(NUMBER))
                .contains(NUMBER)
                .contains("resolved")
                .contains("call you");
    }

    @Test
    void thanksTheCustomerWhenTheComplaintIsClosed() {
        assertThat(MessageTexts.closureNotice(NUMBER, CallbackOutcome.SATISFIED))
                .isEqualTo("Your complaint TS-20261122-000123 is now closed. Thank you for your feedback.");
    }

    @Test
    void tellsAnUnreachableCustomerHowToComeBack() {
        assertThat(MessageTexts.closureNotice(NUMBER, CallbackOutcome.UNREACHABLE))
                .contains(NUMBER)
                .contains("could not reach you")
                .contains("quote this number");
    }
}
