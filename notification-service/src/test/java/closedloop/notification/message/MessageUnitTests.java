package closedloop.notification.message;

import closedloop.contracts.EventIds;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.MessageFailed;
import closedloop.contracts.MessageSent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageUnitTests {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    static final UUID CAUSE = UUID.fromString("7ba0560f-9635-3161-afdf-5a219a788200");

    @Test
    void derivesItsIdFromTheCausingEventAndThePurpose() {
        Message ack = pending(Purpose.REGISTRATION_ACK);

        assertThat(ack.id()).isEqualTo(EventIds.derived(CAUSE, "REGISTRATION_ACK/CUSTOMER/SMS").toString());
        assertThat(pending(Purpose.REGISTRATION_ACK).id()).isEqualTo(ack.id());
        assertThat(pending(Purpose.CLOSURE_NOTICE).id()).isNotEqualTo(ack.id());
        assertThat(ack.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(ack.pendingEvents()).isEmpty();
    }

    @Test
    void recordsMessageSentWhenMarkedSent() {
        Message message = pending(Purpose.REGISTRATION_ACK);

        message.markSent(NOW.plusSeconds(1));

        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.sentAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(message.pendingEvents()).hasSize(1);
        MessageSent sent = (MessageSent) EventJson.read(EventType.MESSAGE_SENT, message.pendingEvents().get(0).payload());
        assertThat(sent.eventId()).isEqualTo(EventIds.derived(message.id(), "sent"));
        assertThat(sent.messageId()).isEqualTo(message.id());
        assertThat(sent.recipient()).isEqualTo("13800138000");
        assertThat(sent.channel()).isEqualTo("SMS");
        assertThat(sent.purpose()).isEqualTo("REGISTRATION_ACK");
        Golden.assertSameShape(sent);
    }

    @Test
    void refusesToBeSentTwice() {
        Message message = pending(Purpose.RESOLUTION_NOTICE);
        message.markSent(NOW);

        assertThatThrownBy(() -> message.markSent(NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(message.pendingEvents()).hasSize(1);
    }

    @Test
    void leavesAMessageForTheBranchInItsInboxAndRecordsItSent() {
        Outgoing reminder = new Outgoing(CAUSE, Golden.COMPLAINT_ID, Purpose.SLA_WARNING, RecipientKind.BRANCH,
                MessageChannel.LIVE, Message.branchRecipient("LIXIA-01"), null, "Reminder");
        Message message = Message.pending(reminder, NOW);

        message.markSent(NOW);

        assertThat(message.outgoing()).isEqualTo(reminder);
        assertThat(message).extracting(Message::complaintId, Message::recipient, Message::recipientKind,
                        Message::channel, Message::purpose, Message::subject, Message::text)
                .containsExactly(Golden.COMPLAINT_ID, "branch:LIXIA-01", RecipientKind.BRANCH, MessageChannel.LIVE,
                        Purpose.SLA_WARNING, null, "Reminder");

        assertThat(message.id()).isEqualTo(EventIds.derived(CAUSE, "SLA_WARNING/BRANCH/LIVE").toString());
        MessageSent sent = (MessageSent) EventJson.read(EventType.MESSAGE_SENT, message.pendingEvents().get(0).payload());
        assertThat(sent.recipient()).isEqualTo("branch:LIXIA-01");
        assertThat(sent.channel()).isEqualTo("LIVE");
        assertThat(sent.purpose()).isEqualTo("SLA_WARNING");
        Golden.assertSameShape(sent);
    }

    @Test
    void holdsAMessageUntilTheGivenTimeAndSendsItThen() {
        Instant eight = NOW.plus(Duration.ofHours(10));
        Message held = Message.recorded(outgoing(Purpose.REGISTRATION_ACK), NOW, eight);

        assertThat(held.status()).isEqualTo(MessageStatus.HELD);
        assertThat(held.heldUntil()).isEqualTo(eight);
        assertThat(held.nextAttemptAt()).isEqualTo(eight);
        held.markSent(eight);

        assertThat(held.status()).isEqualTo(MessageStatus.SENT);
        assertThat(held.attempts()).isEqualTo(1);
        assertThat(held.nextAttemptAt()).isNull();
        assertThat(held.heldUntil()).isEqualTo(eight);
    }

    @Test
    void isDueAtOnceWhenRecordedPending() {
        Message message = pending(Purpose.REGISTRATION_ACK);

        assertThat(message.nextAttemptAt()).isEqualTo(NOW);
        assertThat(message.heldUntil()).isNull();
        assertThat(message.attempts()).isZero();
        assertThat(message.lastError()).isNull();
    }

    @Test
    void countsAFailedAttemptAndIsDueAgainLaterWithoutAnEvent() {
        Message message = pending(Purpose.REGISTRATION_ACK);

        message.attemptFailed(NOW, "503 Service Unavailable", NOW.plusSeconds(30));

        assertThat(message.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.lastError()).isEqualTo("503 Service Unavailable");
        assertThat(message.lastAttemptAt()).isEqualTo(NOW);
        assertThat(message.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(message.recentAttempts()).containsExactly(new DeliveryAttempt(NOW, "503 Service Unavailable"));
        assertThat(message.pendingEvents()).isEmpty();
    }

    @Test
    void keepsTheLastErrorAndTheLatestAttemptsWhenSentAfterFailures() {
        Message message = pending(Purpose.REGISTRATION_ACK);
        for (int i = 0; i < Message.ATTEMPTS_KEPT + 2; i++) {
            message.attemptFailed(NOW.plusSeconds(i), "timeout " + i, NOW.plusSeconds(i + 1));
        }

        message.markSent(NOW.plusSeconds(60));

        assertThat(message.attempts()).isEqualTo(Message.ATTEMPTS_KEPT + 3);
        assertThat(message.lastError()).isEqualTo("timeout " + (Message.ATTEMPTS_KEPT + 1));
        assertThat(message.recentAttempts()).hasSize(Message.ATTEMPTS_KEPT)
                .last().isEqualTo(new DeliveryAttempt(NOW.plusSeconds(60), null));
        assertThat(message.sentAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void recordsMessageFailedWhenRefusedForGood() {
        Message message = pending(Purpose.REGISTRATION_ACK);
        message.attemptFailed(NOW, "503", NOW.plusSeconds(30));

        message.failed(NOW.plusSeconds(30), "400 bad number");

        assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(message.failedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(message.nextAttemptAt()).isNull();
        MessageFailed failed = (MessageFailed) EventJson.read(EventType.MESSAGE_FAILED,
                message.pendingEvents().get(0).payload());
        assertThat(failed.eventId()).isEqualTo(message.failureEventId());
        assertThat(failed.messageId()).isEqualTo(message.id());
        assertThat(failed.complaintId()).isEqualTo(Golden.COMPLAINT_ID);
        assertThat(failed.recipient()).isEqualTo("13800138000");
        assertThat(failed.channel()).isEqualTo("SMS");
        assertThat(failed.purpose()).isEqualTo("REGISTRATION_ACK");
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastError()).isEqualTo("400 bad number");
        Golden.assertSameShape(failed);
    }

    @Test
    void expiresWithoutAnotherAttemptOnceOlderThanTheMaximumAge() {
        Duration maxAge = Duration.ofHours(24);
        Message message = pending(Purpose.REGISTRATION_ACK);
        message.attemptFailed(NOW, "connection refused", NOW.plusSeconds(30));

        assertThat(message.isOlderThan(maxAge, NOW.plus(maxAge).minusMillis(1))).isFalse();
        assertThat(message.isOlderThan(maxAge, NOW.plus(maxAge))).isTrue();
        message.expired(NOW.plus(maxAge), maxAge);

        assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(message.attempts()).isEqualTo(1);
        MessageFailed failed = (MessageFailed) EventJson.read(EventType.MESSAGE_FAILED,
                message.pendingEvents().get(0).payload());
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("connection refused");
    }

    @Test
    void namesTheMaximumAgeWhenItExpiresNeverTried() {
        Message message = Message.recorded(outgoing(Purpose.REGISTRATION_ACK), NOW, NOW.plusSeconds(60));

        message.expired(NOW.plus(Duration.ofDays(2)), Duration.ofHours(24));

        assertThat(message.attempts()).isZero();
        assertThat(message.lastError()).isEqualTo("not delivered within PT24H");
    }

    @Test
    void refusesEveryTransitionOnceFailed() {
        Message message = pending(Purpose.REGISTRATION_ACK);
        message.failed(NOW, "refused");

        assertThatThrownBy(() -> message.markSent(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> message.attemptFailed(NOW, "x", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> message.failed(NOW, "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> message.expired(NOW, Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        assertThat(message.pendingEvents()).hasSize(1);
    }

    @Test
    void shortensALongError() {
        Message message = pending(Purpose.REGISTRATION_ACK);

        message.attemptFailed(NOW, "x".repeat(2000), NOW);

        assertThat(message.lastError()).hasSize(500);
    }

    @Test
    void carriesItsWaitingMarkerWhileHeldOrPendingAndDropsItOnceSent() {
        Message held = Message.recorded(outgoing(Purpose.REGISTRATION_ACK), NOW, NOW.plus(Duration.ofHours(10)));
        assertThat(held.awaitingDelivery()).isEqualTo(NOW);

        held.attemptFailed(NOW.plusSeconds(5), "503 Service Unavailable", NOW.plusSeconds(60));
        assertThat(held.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(held.awaitingDelivery()).isEqualTo(NOW);

        held.markSent(NOW.plusSeconds(60));
        assertThat(held.awaitingDelivery()).isNull();
    }

    @Test
    void dropsItsWaitingMarkerWhenItFailsOrExpires() {
        Message refused = pending(Purpose.REGISTRATION_ACK);
        Message tooOld = pending(Purpose.CLOSURE_NOTICE);
        assertThat(refused.awaitingDelivery()).isEqualTo(NOW);

        refused.failed(NOW.plusSeconds(1), "refused");
        tooOld.expired(NOW.plus(Duration.ofDays(2)), Duration.ofDays(1));

        assertThat(refused.awaitingDelivery()).isNull();
        assertThat(tooOld.awaitingDelivery()).isNull();
    }

    @Test
    void neverCarriesAWaitingMarkerWhenSuppressed() {
        Message suppressed = Message.suppressed(outgoing(Purpose.REGISTRATION_ACK), NOW, "one ack per phone");

        assertThat(suppressed.awaitingDelivery()).isNull();
    }

    @Test
    void takesItsWaitingMarkerAtItsNextAttemptWhenStoredBeforeMarkersExisted() {
        Message stored = new Message("m-1", outgoing(Purpose.REGISTRATION_ACK), MessageStatus.PENDING, NOW, null, NOW,
                null, 0, null, null, null, null, null, null, 3L);
        assertThat(stored.awaitingDelivery()).isNull();

        stored.attemptFailed(NOW.plusSeconds(1), "503 Service Unavailable", NOW.plusSeconds(30));

        assertThat(stored.awaitingDelivery()).isEqualTo(NOW.plusSeconds(1));
    }

    private static Outgoing outgoing(Purpose purpose) {
        return new Outgoing(CAUSE, Golden.COMPLAINT_ID, purpose, RecipientKind.CUSTOMER, MessageChannel.SMS,
                "13800138000", null, "Hello");
    }

    private static Message pending(Purpose purpose) {
        return Message.pending(new Outgoing(CAUSE, Golden.COMPLAINT_ID, purpose, RecipientKind.CUSTOMER,
                MessageChannel.SMS, "13800138000", null, "Hello"), NOW);
    }
}
