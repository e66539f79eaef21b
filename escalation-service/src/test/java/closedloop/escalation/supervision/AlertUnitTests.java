package closedloop.escalation.supervision;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.MessageFailed;
import closedloop.contracts.OfficeMeetingDecisionOverdue;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketWarned;
import closedloop.platform.domain.IllegalTransition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which events raise which alerts, and how an alert is acknowledged and cleared. */
class AlertUnitTests {

    private static final Instant LATER = Golden.AT.plusSeconds(3600);

    @Test
    void raisesALevelZeroWarningFromTheGoldenWarning() {
        TicketWarned warned = (TicketWarned) Golden.event(EventType.TICKET_WARNED);

        Alert alert = Alert.raisedBy(warned).orElseThrow();

        assertThat(alert.id()).isEqualTo(warned.eventId().toString());
        assertThat(alert.kind()).isEqualTo(AlertKind.WARNING);
        assertThat(alert.level()).isZero();
        assertThat(alert.complaintId()).isEqualTo(Golden.COMPLAINT_ID);
        assertThat(alert.ticketId()).isEqualTo(Golden.TICKET_ID);
        assertThat(alert.branch()).isEqualTo("LIXIA-01");
        assertThat(alert.clock()).isEqualTo(ClockKind.SIGN_FOR);
        assertThat(alert.deadline()).isEqualTo(warned.deadline());
        assertThat(alert.raisedAt()).isEqualTo(warned.occurredAt());
        assertThat(alert.summary()).isEqualTo(warned.summary());
        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
    }

    @Test
    void raisesSupervisionFromALevelOneAndTheOfficeMeetingFromALevelTwo() {
        TicketEscalated levelOne = (TicketEscalated) Golden.event(EventType.TICKET_ESCALATED);
        TicketEscalated levelTwo = new TicketEscalated(UUID.randomUUID(), LATER, Golden.COMPLAINT_ID,
                Golden.TICKET_ID, "LIXIA-01", 2, null, null, EscalationReason.REOPENED_TWICE);

        Alert supervision = Alert.raisedBy(levelOne).orElseThrow();
        Alert meeting = Alert.raisedBy(levelTwo).orElseThrow();

        assertThat(supervision.kind()).isEqualTo(AlertKind.LEVEL_1);
        assertThat(supervision.level()).isEqualTo(1);
        assertThat(supervision.reason()).isEqualTo(EscalationReason.LIMIT_PASSED);
        assertThat(supervision.clock()).isEqualTo(ClockKind.RESOLVE);
        assertThat(meeting.kind()).isEqualTo(AlertKind.LEVEL_2);
        assertThat(meeting.level()).isEqualTo(2);
        assertThat(meeting.reason()).isEqualTo(EscalationReason.REOPENED_TWICE);
        assertThat(meeting.clock()).isNull();
        assertThat(meeting.deadline()).isNull();
    }

    @Test
    void raisesADeliveryFailureThatStaysUntilAcknowledged() {
        MessageFailed failed = (MessageFailed) Golden.event(EventType.MESSAGE_FAILED);

        Alert alert = Alert.raisedBy(failed).orElseThrow();

        assertThat(alert.id()).isEqualTo(failed.eventId().toString());
        assertThat(alert.kind()).isEqualTo(AlertKind.DELIVERY_FAILED);
        assertThat(alert.level()).isZero();
        assertThat(alert.complaintId()).isEqualTo(Golden.COMPLAINT_ID);
        assertThat(alert.ticketId()).isNull();
        assertThat(alert.summary()).isEqualTo(failed.summary());
        assertThat(alert.kind().clearsWhenSettled()).isFalse();
        assertThat(AlertKind.LEVEL_1.clearsWhenSettled()).isTrue();
    }

    @Test
    void raisesADecisionOverdueAlertThatTakesItsBranchFromTheItem() {
        OfficeMeetingDecisionOverdue overdue = (OfficeMeetingDecisionOverdue) Golden.event(
                EventType.OFFICE_MEETING_DECISION_OVERDUE);

        Alert alert = Alert.raisedBy(overdue).orElseThrow();

        assertThat(alert.kind()).isEqualTo(AlertKind.DECISION_OVERDUE);
        assertThat(alert.level()).isEqualTo(2);
        assertThat(alert.itemId()).isEqualTo(overdue.itemId());
        assertThat(alert.deadline()).isEqualTo(overdue.deadline());
        assertThat(alert.branch()).isNull();
        assertThat(alert.atBranch("LIXIA-01").branch()).isEqualTo("LIXIA-01");
        assertThat(alert.atBranch("ELSEWHERE").branch()).isEqualTo("LIXIA-01");
    }

    @Test
    void raisesNothingForEventsThatAreNoAlarm() {
        assertThat(Alert.raisedBy(Golden.event(EventType.CLOCK_STARTED))).isEmpty();
        assertThat(Alert.raisedBy(Golden.event(EventType.TICKET_RESOLVED))).isEmpty();
        assertThat(Alert.raisedBy(Golden.event(EventType.OFFICE_MEETING_DECIDED))).isEmpty();
    }

    @Test
    void keepsTheFirstAcknowledgementWhenAcknowledgedTwice() {
        Alert alert = Alert.raisedBy(Golden.event(EventType.TICKET_WARNED)).orElseThrow();

        assertThat(alert.acknowledge("sup.liu", LATER)).isTrue();
        assertThat(alert.acknowledge("sup.wang", LATER.plusSeconds(60))).isFalse();

        assertThat(alert.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(alert.acknowledgedBy()).isEqualTo("sup.liu");
        assertThat(alert.acknowledgedAt()).isEqualTo(LATER);
    }

    @Test
    void clearsOnceAndKeepsItsAcknowledgement() {
        Alert alert = Alert.raisedBy(Golden.event(EventType.TICKET_WARNED)).orElseThrow();
        alert.acknowledge("sup.liu", LATER);

        assertThat(alert.clear(LATER.plusSeconds(5))).isTrue();
        assertThat(alert.clear(LATER.plusSeconds(9))).isFalse();

        assertThat(alert.status()).isEqualTo(AlertStatus.CLEARED);
        assertThat(alert.clearedAt()).isEqualTo(LATER.plusSeconds(5));
        assertThat(alert.acknowledge("sup.wang", LATER.plusSeconds(10))).isFalse();
        assertThat(alert.acknowledgedBy()).isEqualTo("sup.liu");
    }

    @Test
    void refusesToAcknowledgeAClearedAlertNobodyAcknowledged() {
        Alert alert = Alert.raisedBy(Golden.event(EventType.TICKET_WARNED)).orElseThrow();
        alert.clear(LATER);

        assertThatThrownBy(() -> alert.acknowledge("sup.liu", LATER.plusSeconds(1)))
                .isInstanceOfSatisfying(IllegalTransition.class,
                        illegal -> assertThat(illegal.currentState()).isEqualTo(AlertStatus.CLEARED.name()));
        assertThat(alert.acknowledgedBy()).isNull();
    }
}
