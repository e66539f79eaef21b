package closedloop.notification.message.web;

import closedloop.notification.message.DeliveryAttempt;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageViewUnitTests {

    static final Instant NOW = Instant.parse("2026-11-23T13:30:00Z");
    static final Instant EIGHT = Instant.parse("2026-11-24T00:00:00Z");

    @Test
    void showsAHeldMessageWithItsReleaseTime() {
        MessageView view = MessageView.of(Message.recorded(sms(), NOW, EIGHT), false);

        assertThat(view.status()).isEqualTo(MessageStatus.HELD);
        assertThat(view.heldUntil()).isEqualTo(EIGHT);
        assertThat(view.nextAttemptAt()).isEqualTo(EIGHT);
        assertThat(view.attempts()).isZero();
        assertThat(view.recipientKind()).isEqualTo(RecipientKind.CUSTOMER);
        assertThat(view.createdAt()).isEqualTo(NOW);
    }

    @Test
    void showsTheAttemptsOfAFailedMessage() {
        Message message = Message.recorded(sms(), NOW, null);
        message.attemptFailed(NOW, "503 Service Unavailable", NOW.plusSeconds(30));
        message.failed(NOW.plusSeconds(30), "400 Bad Request");

        MessageView view = MessageView.of(message, false);

        assertThat(view.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(view.attempts()).isEqualTo(2);
        assertThat(view.lastError()).isEqualTo("400 Bad Request");
        assertThat(view.lastAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(view.failedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(view.nextAttemptAt()).isNull();
        assertThat(view.sentAt()).isNull();
        assertThat(view.recentAttempts()).containsExactly(new DeliveryAttempt(NOW, "503 Service Unavailable"),
                new DeliveryAttempt(NOW.plusSeconds(30), "400 Bad Request"));
    }

    @Test
    void showsWhenASentMessageWentOut() {
        Message message = Message.recorded(sms(), NOW, null);
        message.markSent(NOW.plusSeconds(2));

        MessageView view = MessageView.of(message, false);

        assertThat(view.status()).isEqualTo(MessageStatus.SENT);
        assertThat(view.sentAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(view.attempts()).isEqualTo(1);
        assertThat(view.lastError()).isNull();
    }

    @Test
    void masksTheCustomersPhoneAndTheSurveysReplyCodeByDefault() {
        Message survey = Message.recorded(new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(),
                Purpose.CALLBACK_SURVEY, RecipientKind.CUSTOMER, MessageChannel.SMS, "13800138000", null,
                "投诉TS-20261123-000001回访未能电话联系到您。请于2026-11-25 09:00前回复短信：4821 <1满意|2基本满意|3不满意>"
                        + " [1-5分：联系便利 处理速度 人员技能 服务态度] [改进建议]，例：4821 1 5 4 5 5 希望更快"), NOW, null);
        survey.attemptFailed(NOW, "400 from the gateway: no such subscriber 13800138000", NOW.plusSeconds(30));

        MessageView view = MessageView.of(survey, false);

        assertThat(view.recipient()).isEqualTo("138****8000");
        assertThat(view.text()).isEqualTo("投诉TS-20261123-000001回访未能电话联系到您。请于2026-11-25 09:00前回复短信：**** "
                + "<1满意|2基本满意|3不满意> [1-5分：联系便利 处理速度 人员技能 服务态度] [改进建议]，例：**** 1 5 4 5 5 希望更快");
        assertThat(view.lastError()).isEqualTo("400 from the gateway: no such subscriber 138****8000");
        assertThat(view.recentAttempts()).extracting(DeliveryAttempt::error)
                .containsExactly("400 from the gateway: no such subscriber 138****8000");
        assertThat(view.toString()).doesNotContain("13800138000", "4821");
    }

    @Test
    void masksEveryPhoneNumberInTheWordsOfAStaffMessageAndLeavesTheRestAsSent() {
        Message alert = Message.recorded(new Outgoing(UUID.randomUUID(), "C-1", Purpose.DELIVERY_FAILED,
                RecipientKind.SUPERVISORS, MessageChannel.EMAIL, "duty@example.com", "Undelivered: 13800138000",
                "A message could not be delivered by SMS to 13800138000 after 12 attempts. Reply 4821."), NOW, null);

        MessageView view = MessageView.of(alert, false);

        assertThat(view.recipient()).isEqualTo("duty@example.com");
        assertThat(view.subject()).isEqualTo("Undelivered: 138****8000");
        assertThat(view.text()).isEqualTo("A message could not be delivered by SMS to 138****8000 after 12 attempts. "
                + "Reply 4821.");
    }

    @Test
    void showsASupervisorThePhonesOfASurveyButStillHidesItsReplyCode() {
        Message survey = Message.recorded(new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(),
                Purpose.CALLBACK_SURVEY, RecipientKind.CUSTOMER, MessageChannel.SMS, "13800138000", null,
                "投诉回访：请回复短信：4821 <1满意|2基本满意|3不满意>，咨询请拨13900139000"), NOW, null);

        MessageView view = MessageView.of(survey, true);

        assertThat(view.recipient()).isEqualTo("13800138000");
        assertThat(view.text()).isEqualTo("投诉回访：请回复短信：**** <1满意|2基本满意|3不满意>，咨询请拨13900139000");
    }

    @Test
    void showsTheMessageAsStoredWhenAskedUnmasked() {
        Message message = Message.recorded(sms(), NOW, null);
        message.attemptFailed(NOW, "no such subscriber 13800138000", NOW.plusSeconds(30));

        MessageView view = MessageView.of(message, true);

        assertThat(view.recipient()).isEqualTo("13800138000");
        assertThat(view.text()).isEqualTo("Registered.");
        assertThat(view.lastError()).isEqualTo("no such subscriber 13800138000");
        assertThat(view.toString()).doesNotContain("13800138000");
    }

    static Outgoing sms() {
        return new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(), Purpose.REGISTRATION_ACK,
                RecipientKind.CUSTOMER, MessageChannel.SMS, "13800138000", null, "Registered.");
    }
}
