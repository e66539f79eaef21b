package closedloop.notification.callback;

import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOpened;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.TicketResolved;
import closedloop.notification.contact.Contact;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackUnitTests {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    static final TicketResolved RESOLVED = (TicketResolved) Golden.event(EventType.TICKET_RESOLVED);
    static final Contact CONTACT = new Contact(RESOLVED.complaintId(), "TS-20261122-000123", "Wang Fang", "13800138000");

    @Test
    void opensDueAfterTheConfiguredTimeWithTheCustomersContact() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24));

        assertThat(callback.id()).isEqualTo(EventIds.derived(RESOLVED.eventId(), "callback").toString());
        assertThat(callback.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(callback.openedAt()).isEqualTo(NOW);
        assertThat(callback.dueAt()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(callback.complaintNumber()).isEqualTo("TS-20261122-000123");
        assertThat(callback.customerName()).isEqualTo("Wang Fang");
        assertThat(callback.customerPhone()).isEqualTo("13800138000");
        assertThat(callback.ticketId()).isEqualTo(RESOLVED.ticketId());
        assertThat(callback.branch()).isEqualTo(RESOLVED.branch());
    }

    @Test
    void recordsCallbackOpenedWithAnIdDerivedFromTheResolution() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24));
        Callback again = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24));

        CallbackOpened opened = (CallbackOpened) only(callback);
        assertThat(opened.callbackId()).isEqualTo(callback.id());
        assertThat(opened.dueAt()).isEqualTo(callback.dueAt());
        assertThat(opened.occurredAt()).isEqualTo(NOW);
        assertThat(opened.eventId()).isEqualTo(only(again).eventId());
        Golden.assertSameShape(opened);
    }

    @Test
    void completesAnOpenCallbackWithOutcomeNoteAndActor() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24));

        callback.complete(CallbackOutcome.SATISFIED, "Refund received", "agent-017", NOW.plusSeconds(600));

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(callback.note()).isEqualTo("Refund received");
        assertThat(callback.completedBy()).isEqualTo("agent-017");
        assertThat(callback.completedAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(callback.pendingEvents()).hasSize(2);
        CallbackCompleted completed = (CallbackCompleted) read(callback.pendingEvents().get(1));
        assertThat(completed.actor()).isEqualTo("agent-017");
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(completed.callbackId()).isEqualTo(callback.id());
        Golden.assertSameShape(completed);
    }

    @Test
    void refusesToCompleteACompletedCallback() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24));
        callback.complete(CallbackOutcome.UNREACHABLE, null, "agent-017", NOW);

        assertThatThrownBy(() -> callback.complete(CallbackOutcome.SATISFIED, null, "agent-018", NOW))
                .isInstanceOfSatisfying(IllegalCallbackTransition.class, illegal -> {
                    assertThat(illegal.currentState()).isEqualTo(CallbackStatus.COMPLETED);
                    assertThat(illegal.allowedActions()).isEmpty();
                });
        assertThat(callback.outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
        assertThat(callback.completedBy()).isEqualTo("agent-017");
        assertThat(callback.pendingEvents()).hasSize(2);
    }

    @Test
    void allowsOnlyRecordingTheOutcomeWhileOpen() {
        assertThat(CallbackStatus.OPEN.allowedActions()).containsExactly("outcome");
        assertThat(CallbackStatus.COMPLETED.allowedActions()).isEmpty();
    }

    @Test
    void isOverdueOnlyWhileOpenAfterItsDueTime() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24));
        Instant due = callback.dueAt();

        assertThat(callback.overdueAt(due.minusSeconds(1))).isFalse();
        assertThat(callback.overdueAt(due)).isFalse();
        assertThat(callback.overdueAt(due.plusSeconds(1))).isTrue();

        callback.complete(CallbackOutcome.SATISFIED, null, "agent-017", due.plusSeconds(1));
        assertThat(callback.overdueAt(due.plusSeconds(2))).isFalse();
    }

    private static closedloop.contracts.ClosedLoopEvent only(Callback callback) {
        assertThat(callback.pendingEvents()).hasSize(1);
        return read(callback.pendingEvents().get(0));
    }

    private static closedloop.contracts.ClosedLoopEvent read(OutgoingEvent event) {
        return EventJson.read(EventType.byId(event.type()).orElseThrow(), event.payload());
    }
}
