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
        MessageView view = MessageView.of(Message.recorded(sms(), NOW, EIGHT));

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

        MessageView view = MessageView.of(message);

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

        MessageView view = MessageView.of(message);

        assertThat(view.status()).isEqualTo(MessageStatus.SENT);
        assertThat(view.sentAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(view.attempts()).isEqualTo(1);
        assertThat(view.lastError()).isNull();
    }

    static Outgoing sms() {
        return new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(), Purpose.REGISTRATION_ACK,
                RecipientKind.CUSTOMER, MessageChannel.SMS, "13800138000", null, "Registered.");
    }
}
