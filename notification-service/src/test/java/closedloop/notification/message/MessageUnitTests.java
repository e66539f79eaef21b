package closedloop.notification.message;

import closedloop.contracts.EventIds;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.MessageSent;
import org.junit.jupiter.api.Test;

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
        Message message = Message.pending(new Outgoing(CAUSE, Golden.COMPLAINT_ID, Purpose.SLA_WARNING,
                RecipientKind.BRANCH, MessageChannel.LIVE, Message.branchRecipient("LIXIA-01"), null, "Reminder"), NOW);

        message.markSent(NOW);

        assertThat(message.id()).isEqualTo(EventIds.derived(CAUSE, "SLA_WARNING/BRANCH/LIVE").toString());
        MessageSent sent = (MessageSent) EventJson.read(EventType.MESSAGE_SENT, message.pendingEvents().get(0).payload());
        assertThat(sent.recipient()).isEqualTo("branch:LIXIA-01");
        assertThat(sent.channel()).isEqualTo("LIVE");
        assertThat(sent.purpose()).isEqualTo("SLA_WARNING");
        Golden.assertSameShape(sent);
    }

    private static Message pending(Purpose purpose) {
        return Message.pending(new Outgoing(CAUSE, Golden.COMPLAINT_ID, purpose, RecipientKind.CUSTOMER,
                MessageChannel.SMS, "13800138000", null, "Hello"), NOW);
    }
}
