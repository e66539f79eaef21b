package closedloop.notification.callback;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.SurveyAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyReplyUnitTests {

    @Test
    void readsTheCodeTheOutcomeTheFourScoresAndTheFreeText() {
        SurveyReply reply = SurveyReply.parse("4821 1 5 4 5 5 faster please");

        assertThat(reply.replyCode()).isEqualTo("4821");
        assertThat(reply.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(reply.answers()).isEqualTo(new SurveyAnswers(5, 4, 5, 5, "faster please"));
    }

    @Test
    void readsFullWidthDigitsAndIdeographicSpacesAsChinesePhonesSendThem() {
        SurveyReply reply = SurveyReply.parse("４８２１　２　３　４　５　１　希望更快一点");

        assertThat(reply.replyCode()).isEqualTo("4821");
        assertThat(reply.outcome()).isEqualTo(CallbackOutcome.BASICALLY_SATISFIED);
        assertThat(reply.answers()).isEqualTo(new SurveyAnswers(3, 4, 5, 1, "希望更快一点"));
    }

    @Test
    void isLenientAboutExtraSpacesAndCommas() {
        SurveyReply reply = SurveyReply.parse("  482156 ,3，  1、2 2   2\n");

        assertThat(reply.replyCode()).isEqualTo("482156");
        assertThat(reply.outcome()).isEqualTo(CallbackOutcome.UNSATISFIED);
        assertThat(reply.answers()).isEqualTo(new SurveyAnswers(1, 2, 2, 2, null));
    }

    @Test
    void readsAReplyWithTheOutcomeOnlyOrTheOutcomeAndFreeText() {
        assertThat(SurveyReply.parse("4821 1").answers()).isEqualTo(new SurveyAnswers(null, null, null, null, null));
        assertThat(SurveyReply.parse("4821 3 nobody came").answers())
                .isEqualTo(new SurveyAnswers(null, null, null, null, "nobody came"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "4821", "482 1", "4821 4", "4821 0 5 5 5 5", "4821 1 5 4", "4821 1 5 4 6 5",
            "4821 1 5 0 5 5 fine", "48211 5 5 5 5x"})
    void refusesWhatIsNotASurveyReply(String text) {
        assertThatThrownBy(() -> SurveyReply.parse(text)).isInstanceOf(UnreadableSurveyReply.class)
                .hasMessageNotContaining("null");
    }
}
