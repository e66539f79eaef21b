package closedloop.escalation.obligation;

import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.ObligationFulfilled;
import closedloop.contracts.ObligationWaived;
import closedloop.contracts.Promise;
import closedloop.contracts.PromiseKind;
import closedloop.platform.domain.IllegalTransition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One obligation's life: kept with evidence or waived with a reason, once, each told by an event. */
class ObligationUnitTests {

    private static final Instant REGISTERED = Instant.parse("2026-11-23T01:00:00Z");
    private static final Instant DUE = REGISTERED.plusSeconds(86_400);

    private static final Instant WARN_AT = REGISTERED.plusSeconds(64_800);

    private final Obligation doubleRefund = Obligation.promised("c-1", "TS-20261123-000001", 1,
            new Promise("Refund twice the overcharge", null, PromiseKind.DOUBLE_REFUND, new BigDecimal("30.5")),
            REGISTERED, DUE, WARN_AT, "LIXIA-01");

    @Test
    void isOpenAndOwedByTheBranchWithTheDueTimeOfItsKindWhenNoneWasGiven() {
        assertThat(doubleRefund.id()).isEqualTo("c-1-1");
        assertThat(doubleRefund.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(doubleRefund.owedBy()).isEqualTo("LIXIA-01");
        assertThat(doubleRefund.dueAt()).isEqualTo(DUE);
        assertThat(doubleRefund.dueByDefault()).isTrue();
        assertThat(doubleRefund.amount()).isEqualByComparingTo("30.5");
    }

    @Test
    void isKeptOnceWithItsEvidenceAndTellsOfIt() {
        Instant at = REGISTERED.plusSeconds(3_600);

        doubleRefund.fulfil("RF-0042", "61 yuan back", "li.ming", at);

        assertThat(doubleRefund.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(doubleRefund.fulfilment()).isEqualTo(new Fulfilment("RF-0042", "61 yuan back", "li.ming", at));
        assertThat(recorded()).singleElement().isInstanceOfSatisfying(ObligationFulfilled.class, fulfilled -> {
            assertThat(fulfilled.obligationId()).isEqualTo("c-1-1");
            assertThat(fulfilled.branch()).isEqualTo("LIXIA-01");
            assertThat(fulfilled.reference()).isEqualTo("RF-0042");
            assertThat(fulfilled.actor()).isEqualTo("li.ming");
        });
        assertThatThrownBy(() -> doubleRefund.fulfil("RF-0043", null, "li.ming", at))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("FULFILLED");
        assertThatThrownBy(() -> doubleRefund.waive("too late", "sup.wang", at))
                .isInstanceOf(IllegalTransition.class);
        assertThat(recorded()).hasSize(1);
    }

    @Test
    void isWaivedBySupervisorWithAReasonAndThenCannotBeKept() {
        doubleRefund.waive("The customer took a credit instead", "sup.wang", REGISTERED);

        assertThat(doubleRefund.status()).isEqualTo(ObligationStatus.WAIVED);
        assertThat(doubleRefund.waiver()).isEqualTo(new Waiver("The customer took a credit instead", "sup.wang",
                REGISTERED));
        assertThat(recorded()).singleElement().isInstanceOfSatisfying(ObligationWaived.class,
                waived -> assertThat(waived.reason()).isEqualTo("The customer took a credit instead"));
        assertThatThrownBy(() -> doubleRefund.fulfil("RF-1", null, "li.ming", REGISTERED))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("WAIVED");
    }

    private List<Object> recorded() {
        return doubleRefund.pendingEvents().stream()
                .map(event -> (Object) EventJson.read(EventType.byId(event.type()).orElseThrow(), event.payload()))
                .toList();
    }

    @Test
    void isWarnedAtThreeQuartersAndBreachedAtItsDueTimeEachOnce() {
        assertThat(doubleRefund.complaintNumber()).isEqualTo("TS-20261123-000001");
        assertThat(doubleRefund.lookAtClock(WARN_AT.minusSeconds(1))).isFalse();

        assertThat(doubleRefund.lookAtClock(WARN_AT)).isTrue();
        assertThat(doubleRefund.lookAtClock(WARN_AT.plusSeconds(60))).isFalse();
        assertThat(doubleRefund.warnedAt()).isEqualTo(WARN_AT);
        assertThat(doubleRefund.lookAtClock(DUE)).isTrue();
        assertThat(doubleRefund.breachedAt()).isEqualTo(DUE);
        assertThat(doubleRefund.lookAtClock(DUE.plusSeconds(3_600))).isFalse();

        assertThat(doubleRefund.pendingEvents()).extracting(event -> event.type())
                .containsExactly("closedloop.sla.obligation-warned.v1", "closedloop.sla.obligation-breached.v1");
    }

    @Test
    void oneLookedAtOnlyAfterItsDueTimeIsToldBreachedAloneAndAKeptOneNoMore() {
        Obligation late = Obligation.promised("c-2", "TS-2", 1, new Promise("Fix", DUE, PromiseKind.FIX, null),
                REGISTERED, DUE, WARN_AT, "LIXIA-01");
        assertThat(late.lookAtClock(DUE.plusSeconds(1))).isTrue();
        assertThat(late.warnedAt()).isNull();
        assertThat(late.pendingEvents()).extracting(event -> event.type())
                .containsExactly("closedloop.sla.obligation-breached.v1");

        doubleRefund.fulfil("RF-1", null, "li.ming", REGISTERED.plusSeconds(60));
        assertThat(doubleRefund.lookAtClock(DUE.plusSeconds(1))).isFalse();
    }
}
