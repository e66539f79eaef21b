package closedloop.escalation.obligation;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.Customer;
import closedloop.contracts.ObligationBreached;
import closedloop.contracts.ObligationFulfilled;
import closedloop.contracts.ObligationWaived;
import closedloop.contracts.ObligationWarned;
import closedloop.contracts.Priority;
import closedloop.contracts.Promise;
import closedloop.contracts.PromiseKind;
import closedloop.contracts.TicketAssigned;
import closedloop.escalation.EscalationServiceApplication;
import closedloop.escalation.Settle;
import closedloop.escalation.obligation.web.ObligationView;
import closedloop.escalation.supervision.AlertKind;
import closedloop.escalation.supervision.web.AlertView;
import closedloop.platform.PeriodicPass;
import closedloop.platform.security.Role;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Obligations against a real broker and MongoDB wire server: a registered complaint's promises become obligations
 * (due when the agent said, or after their kind's default), owed by the branch its ticket went to whichever topic
 * comes first; the branch keeps one with evidence, a supervisor waives another with a reason, each once, each told on
 * escalation.sla; a dispatcher of another branch sees and keeps none of them; bad requests name their fields.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + EscalationServiceApplication.NAME, "closedloop.obligations.scan-interval=100ms"})
abstract class ObligationIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private WebTestClient web;
    @Autowired
    private MutableClock clock;

    @Autowired
    @Qualifier(ObligationConfiguration.CLOCK_PASS)
    private PeriodicPass clockPass;

    private KafkaProbe probe;

    @Test
    void aPromiseNotKeptIsWarnedAtThreeQuartersOfItsTimeAndBreachedAtItsDueTimeForTheSupervisors() {
        Instant registered = clock.instant();
        Instant due = registered.plus(Duration.ofHours(8));
        ComplaintRegistered complaint = registration(registered, List.of(
                new Promise("Refund the overcharge", due, PromiseKind.REFUND, new BigDecimal("12"))));
        probe.publish(complaint);
        ObligationView open = await().atMost(PATIENCE).until(() -> byComplaint(complaint.complaintId()),
                list -> list.size() == 1).get(0);
        assertThat(open.complaintNumber()).isEqualTo(complaint.number());
        // a refund counts calendar time: three quarters of eight hours
        assertThat(open.warnAt()).isEqualTo(registered.plus(Duration.ofHours(6)));

        clock.setInstant(open.warnAt().plusSeconds(1));
        Settle.passes(clockPass, 2);
        assertThat(byComplaint(complaint.complaintId()).get(0).warnedAt()).isNotNull();
        probe.awaitEvent(ObligationWarned.class, event -> event.obligationId().equals(open.id()));

        clock.setInstant(due.plusSeconds(1));
        Settle.passes(clockPass, 2);
        ObligationView breached = byComplaint(complaint.complaintId()).get(0);
        assertThat(breached.breachedAt()).isNotNull();
        assertThat(breached.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(probe.awaitEvent(ObligationBreached.class, event -> event.obligationId().equals(open.id()))
                .dueAt()).isEqualTo(due);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(web.get()
                .uri("/api/v1/alerts?complaintId={id}", complaint.complaintId())
                .headers(TestIssuer.as("sup.wang", List.of(Role.SUPERVISOR))).exchange().expectStatus().isOk()
                .expectBodyList(AlertView.class).returnResult().getResponseBody())
                .extracting(AlertView::kind)
                .containsExactlyInAnyOrder(AlertKind.OBLIGATION_BREACHED, AlertKind.OBLIGATION_WARNING));
    }

    @Test
    void keepsAndWaivesTheRegisteredPromisesOfTheBranchThatHoldsTheTicket() {
        Instant registered = clock.instant();
        Instant visitBy = registered.plus(Duration.ofDays(2));
        ComplaintRegistered complaint = registration(registered, List.of(
                new Promise("Refund twice the overcharge", null, PromiseKind.DOUBLE_REFUND, new BigDecimal("30.5")),
                new Promise("A technician visits", visitBy, PromiseKind.VISIT, null)));
        probe.publish(complaint);
        probe.publish(dispatch(complaint.complaintId(), "LIXIA-01"));

        List<ObligationView> owed = await().atMost(PATIENCE).until(() -> byComplaint(complaint.complaintId()),
                list -> list.size() == 2 && list.stream().allMatch(view -> "LIXIA-01".equals(view.owedBy())));
        ObligationView refund = owed.get(0);
        assertThat(refund.id()).isEqualTo(complaint.complaintId() + "-1");
        assertThat(refund.kind()).isEqualTo(PromiseKind.DOUBLE_REFUND);
        assertThat(refund.amount()).isEqualByComparingTo("30.5");
        // a double refund is due within 24 hours of registration by default
        assertThat(refund.dueAt()).isEqualTo(registered.plus(Duration.ofHours(24)));
        assertThat(refund.dueByDefault()).isTrue();
        assertThat(owed.get(1).dueAt()).isEqualTo(visitBy);
        assertThat(owed.get(1).dueByDefault()).isFalse();

        web.post().uri("/api/v1/obligations/{id}/fulfilment", refund.id()).headers(TestIssuer.as("zhao.lei", List.of(Role.DISPATCHER), "LIXIA-02"))
                .bodyValue(Map.of("reference", "RF-1")).exchange()
                .expectStatus().isNotFound();
        ObligationView kept = web.post().uri("/api/v1/obligations/{id}/fulfilment", refund.id())
                .headers(TestIssuer.as("li.ming", List.of(Role.DISPATCHER), "LIXIA-01"))
                .bodyValue(Map.of("reference", "RF-20261123-0042", "note", "61 yuan back to the account"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(ObligationView.class).returnResult().getResponseBody();
        assertThat(kept.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(kept.fulfilment()).isEqualTo(new Fulfilment("RF-20261123-0042", "61 yuan back to the account",
                "li.ming", clock.instant()));
        ObligationFulfilled told = probe.awaitEvent(ObligationFulfilled.class,
                event -> event.obligationId().equals(refund.id()));
        assertThat(told.branch()).isEqualTo("LIXIA-01");
        assertThat(told.actor()).isEqualTo("li.ming");
        web.post().uri("/api/v1/obligations/{id}/fulfilment", refund.id()).headers(TestIssuer.as("li.ming", List.of(Role.DISPATCHER), "LIXIA-01"))
                .bodyValue(Map.of("reference", "RF-again")).exchange()
                .expectStatus().isEqualTo(409);

        ObligationView waived = web.post().uri("/api/v1/obligations/{id}/waiver", owed.get(1).id())
                .headers(TestIssuer.as("sup.wang", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("reason", "The customer declined the visit"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(ObligationView.class).returnResult().getResponseBody();
        assertThat(waived.status()).isEqualTo(ObligationStatus.WAIVED);
        assertThat(waived.waiver().by()).isEqualTo("sup.wang");
        assertThat(probe.awaitEvent(ObligationWaived.class, event -> event.obligationId().equals(waived.id()))
                .reason()).isEqualTo("The customer declined the visit");
    }

    @Test
    void aTicketDispatchedBeforeThePromisesArriveStillNamesTheBranchThatOwesThem() {
        ComplaintRegistered complaint = registration(clock.instant(), List.of(
                new Promise("Fix the line", null, PromiseKind.FIX, null)));
        probe.publish(dispatch(complaint.complaintId(), "SHIZHONG-01"));
        await().atMost(PATIENCE).untilAsserted(() -> web.get().uri("/api/v1/obligations?branch=SHIZHONG-01")
                .exchange().expectStatus().isOk());
        probe.publish(complaint);

        List<ObligationView> owed = await().atMost(PATIENCE).until(() -> byComplaint(complaint.complaintId()),
                list -> list.size() == 1 && "SHIZHONG-01".equals(list.get(0).owedBy()));

        assertThat(owed.get(0).status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(web.get().uri("/api/v1/obligations?branch=SHIZHONG-01&status=OPEN").exchange()
                .expectStatus().isOk().expectBodyList(ObligationView.class).returnResult().getResponseBody())
                .extracting(ObligationView::id).contains(owed.get(0).id());
        assertThat(web.get().uri("/api/v1/obligations?complaintId={id}", complaint.complaintId())
                .headers(TestIssuer.as("li.ming", List.of(Role.DISPATCHER), "LIXIA-01")).exchange()
                .expectStatus().isOk().expectBodyList(ObligationView.class).returnResult().getResponseBody())
                .isEmpty();
        web.get().uri("/api/v1/obligations?branch=SHIZHONG-01").headers(TestIssuer.as("li.ming", List.of(Role.DISPATCHER), "LIXIA-01")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void namesTheBadFieldsOfEachRequest() {
        web.get().uri("/api/v1/obligations").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("complaintId");
        web.get().uri("/api/v1/obligations?status=LATE").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        web.post().uri("/api/v1/obligations/{id}/waiver", "nobody-1").headers(TestIssuer.as("sup.wang", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("reason", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        web.post().uri("/api/v1/obligations/{id}/fulfilment", "nobody-1").headers(TestIssuer.as("sup.wang", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("note", "done")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reference");
        web.post().uri("/api/v1/obligations/{id}/waiver", "nobody-1").headers(TestIssuer.as("sup.wang", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("reason", "gone")).exchange()
                .expectStatus().isNotFound();
    }

    private List<ObligationView> byComplaint(String complaintId) {
        return web.get().uri("/api/v1/obligations?complaintId={id}", complaintId).exchange()
                .expectStatus().isOk()
                .expectBodyList(ObligationView.class).returnResult().getResponseBody();
    }

    private static ComplaintRegistered registration(Instant at, List<Promise> promises) {
        return new ComplaintRegistered(UUID.randomUUID(), at, UUID.randomUUID().toString(), "TS-20261123-000001",
                Channel.HOTLINE, Category.BILLING, Priority.NORMAL, new Customer("Wang Fang", "13800138000", null,
                false), "Lixia", "Charged twice", "agent-017", null, null, false, List.of(), promises);
    }

    private TicketAssigned dispatch(String complaintId, String branch) {
        return new TicketAssigned(UUID.randomUUID(), clock.instant(), complaintId, UUID.randomUUID().toString(),
                branch, Category.BILLING, Priority.NORMAL, null, AssignmentReason.ROUTED, Channel.HOTLINE,
                clock.instant());
    }
}
