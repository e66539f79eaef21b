package closedloop.escalation.supervision;

import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.OfficeMeetingDecided;
import closedloop.contracts.OfficeMeetingDecisionOverdue;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.platform.domain.IllegalTransition;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An office-meeting item: put on the agenda by a level 2, decided, told overdue once per decision, done. */
class AgendaItemUnitTests {

    private static final Instant ESCALATED_AT = Golden.AT;
    private static final Instant NOW = ESCALATED_AT.plus(Duration.ofHours(1));
    private static final Instant DEADLINE = NOW.plus(Duration.ofDays(3));

    private final TicketEscalated levelTwo = new TicketEscalated(UUID.randomUUID(), ESCALATED_AT,
            Golden.COMPLAINT_ID, Golden.TICKET_ID, "LIXIA-01", 2, null, null, EscalationReason.REOPENED_TWICE);

    @Test
    void takesOnlyALevelTwoEscalationOntoTheAgenda() {
        AgendaItem item = AgendaItem.escalated(levelTwo);

        assertThat(item.id()).isEqualTo(levelTwo.eventId().toString());
        assertThat(item.status()).isEqualTo(AgendaStatus.OPEN);
        assertThat(item.reason()).isEqualTo(EscalationReason.REOPENED_TWICE);
        assertThat(item.escalatedAt()).isEqualTo(ESCALATED_AT);
        assertThat(item.pendingEvents()).isEmpty();
        assertThatThrownBy(() -> AgendaItem.escalated((TicketEscalated) Golden.event(EventType.TICKET_ESCALATED)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsADecisionAndTellsItInTheGoldenShape() {
        AgendaItem item = AgendaItem.escalated(levelTwo);

        Decision decision = item.decide("deputy.gm.sun", DEADLINE, "Refund and audit the rating rule", "sup.liu", NOW);

        assertThat(item.status()).isEqualTo(AgendaStatus.DECIDED);
        assertThat(item.decision()).isEqualTo(decision);
        assertThat(decision).isEqualTo(new Decision("deputy.gm.sun", DEADLINE, "Refund and audit the rating rule",
                "sup.liu", NOW, decision.eventId()));
        OfficeMeetingDecided told = (OfficeMeetingDecided) onlyEvent(item);
        Golden.assertSameShape(told);
        assertThat(told).isEqualTo(new OfficeMeetingDecided(UUID.fromString(decision.eventId()), NOW,
                Golden.COMPLAINT_ID, Golden.TICKET_ID, item.id(), "deputy.gm.sun", DEADLINE,
                "Refund and audit the rating rule", "sup.liu"));
    }

    @Test
    void refusesADecisionOnADoneItem() {
        AgendaItem item = AgendaItem.escalated(levelTwo);
        item.closed(NOW);

        assertThatThrownBy(() -> item.decide("deputy.gm.sun", DEADLINE, "Too late", "sup.liu", NOW))
                .isInstanceOfSatisfying(IllegalTransition.class,
                        illegal -> assertThat(illegal.currentState()).isEqualTo(AgendaStatus.DONE.name()));
        assertThat(item.decision()).isNull();
        assertThat(item.pendingEvents()).isEmpty();
    }

    @Test
    void tellsAnOverdueDecisionOnceWithAnIdDerivedFromItsDeadline() {
        AgendaItem item = AgendaItem.escalated(levelTwo);
        item.decide("deputy.gm.sun", DEADLINE, "Refund", "sup.liu", NOW);

        assertThat(item.raiseOverdue(DEADLINE.minusSeconds(1))).isFalse();
        assertThat(item.raiseOverdue(DEADLINE)).isTrue();
        assertThat(item.raiseOverdue(DEADLINE.plusSeconds(3600))).isFalse();

        assertThat(item.pendingEvents()).hasSize(2);
        OutgoingEvent overdue = item.pendingEvents().get(1);
        assertThat(overdue.type()).isEqualTo(EventType.OFFICE_MEETING_DECISION_OVERDUE.id());
        assertThat(overdue.eventId()).isEqualTo(EventIds.derived(item.id(), "decision-overdue/" + DEADLINE).toString());
        assertThat(item.decisionDue()).isNull();
    }

    @Test
    void watchesANewDecisionForItsOwnDeadline() {
        AgendaItem item = AgendaItem.escalated(levelTwo);
        item.decide("deputy.gm.sun", DEADLINE, "Refund", "sup.liu", NOW);
        item.raiseOverdue(DEADLINE);
        Instant secondDeadline = DEADLINE.plus(Duration.ofDays(2));

        item.decide("gm.zhou", secondDeadline, "Escalate to the provincial billing centre", "sup.liu", DEADLINE);

        assertThat(item.decisions()).extracting(Decision::owner).containsExactly("deputy.gm.sun", "gm.zhou");
        assertThat(item.raiseOverdue(secondDeadline)).isTrue();
        assertThat(item.pendingEvents()).extracting(OutgoingEvent::type).containsExactly(
                EventType.OFFICE_MEETING_DECIDED.id(), EventType.OFFICE_MEETING_DECISION_OVERDUE.id(),
                EventType.OFFICE_MEETING_DECIDED.id(), EventType.OFFICE_MEETING_DECISION_OVERDUE.id());
    }

    @Test
    void waitsForTheDecisionPassOnlyWhileADecisionsDeadlineIsWatched() {
        AgendaItem item = AgendaItem.escalated(levelTwo);
        assertThat(item.awaitingDecisionDeadline()).isNull();

        item.decide("deputy.gm.sun", DEADLINE, "Refund", "sup.liu", NOW);
        assertThat(item.awaitingDecisionDeadline()).isEqualTo(NOW);
        item.raiseOverdue(DEADLINE);
        assertThat(item.awaitingDecisionDeadline()).isNull();

        item.decide("gm.zhou", DEADLINE.plus(Duration.ofDays(2)), "Escalate", "sup.liu", DEADLINE);
        assertThat(item.awaitingDecisionDeadline()).isEqualTo(DEADLINE);
        item.closed(DEADLINE.plusSeconds(60));
        assertThat(item.awaitingDecisionDeadline()).isNull();
    }

    @Test
    void isDoneByAResolutionAfterTheEscalationOnly() {
        AgendaItem item = AgendaItem.escalated(levelTwo);

        assertThat(item.resolved(ESCALATED_AT.minusSeconds(1))).isFalse();
        assertThat(item.status()).isEqualTo(AgendaStatus.OPEN);
        assertThat(item.resolved(NOW)).isTrue();

        assertThat(item.status()).isEqualTo(AgendaStatus.DONE);
        assertThat(item.doneAt()).isEqualTo(NOW);
        assertThat(item.doneBecause()).isEqualTo("ticket resolved");
        assertThat(item.closed(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void isNeverOverdueOnceDone() {
        AgendaItem item = AgendaItem.escalated(levelTwo);
        item.decide("deputy.gm.sun", DEADLINE, "Refund", "sup.liu", NOW);

        item.closed(NOW.plusSeconds(60));

        assertThat(item.raiseOverdue(DEADLINE.plusSeconds(1))).isFalse();
        assertThat(item.pendingEvents()).hasSize(1);
    }

    @Test
    void isSettledByAResolutionTheDossierAlreadyHolds() {
        Dossier dossier = Dossier.of(Golden.COMPLAINT_ID);
        dossier.record(new TicketResolved(UUID.randomUUID(), NOW, Golden.COMPLAINT_ID, Golden.TICKET_ID, "LIXIA-01",
                "Refunded", "li.ming"), "router.ticket");
        AgendaItem item = AgendaItem.escalated(levelTwo);

        assertThat(item.settleWith(dossier)).isTrue();

        assertThat(item.status()).isEqualTo(AgendaStatus.DONE);
        assertThat(item.doneAt()).isEqualTo(NOW);
    }

    private static Object onlyEvent(AgendaItem item) {
        assertThat(item.pendingEvents()).hasSize(1);
        OutgoingEvent event = item.pendingEvents().get(0);
        return EventJson.read(EventType.byId(event.type()).orElseThrow(), event.payload());
    }
}
