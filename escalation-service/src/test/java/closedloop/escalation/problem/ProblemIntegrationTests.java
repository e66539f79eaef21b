package closedloop.escalation.problem;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ComplaintLinkedToProblem;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.CorrectiveActionOverdue;
import closedloop.contracts.CorrectiveActionWarned;
import closedloop.contracts.Customer;
import closedloop.contracts.Priority;
import closedloop.contracts.ProblemOpened;
import closedloop.contracts.ProblemOrigin;
import closedloop.contracts.ProblemPutOnAgenda;
import closedloop.contracts.ProblemSolved;
import closedloop.contracts.TimeBasis;
import closedloop.escalation.EscalationServiceApplication;
import closedloop.escalation.Settle;
import closedloop.escalation.policy.WorkingTime;
import closedloop.escalation.problem.web.ProblemView;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Problems against a real broker and MongoDB wire server: five complaints of one category in one district within the
 * window open a problem linking them, and the sixth is linked to it; a supervisor opens one by hand, plans a corrective
 * action whose clock warns at three quarters of its working time and, once overdue, puts the problem on the office
 * meeting's agenda; the owner's dispatcher records it done, and closing tells every linked complaint. Each change is
 * told on escalation.sla; bad requests name their fields.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + EscalationServiceApplication.NAME, "closedloop.problems.scan-interval=100ms"})
abstract class ProblemIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private WebTestClient web;
    @Autowired
    private MutableClock clock;
    @Autowired
    private WorkingTime time;
    @Autowired
    @Qualifier(ProblemConfiguration.ACTION_PASS)
    private PeriodicPass actionPass;

    private KafkaProbe probe;

    @Test
    void fiveComplaintsOfOneKindInTheWindowOpenAProblemAndTheSixthIsLinkedToIt() {
        String district = "District-" + UUID.randomUUID();
        Instant start = clock.instant();
        List<ComplaintRegistered> five = IntStream.range(0, 5)
                .mapToObj(i -> registration(start.plus(Duration.ofMinutes(20L * i)), Category.NETWORK_QUALITY, district))
                .toList();
        five.forEach(probe::publish);

        ProblemView problem = await().atMost(PATIENCE).until(() -> problemOf(five.get(4).complaintId()),
                found -> found.size() == 1).get(0);
        assertThat(problem.origin()).isEqualTo(ProblemOrigin.DETECTED);
        assertThat(problem.category()).isEqualTo(Category.NETWORK_QUALITY);
        assertThat(problem.district()).isEqualTo(district);
        assertThat(problem.openedBy()).isNull();
        assertThat(problem.complaints()).extracting(LinkedComplaint::complaintId)
                .containsExactlyElementsOf(five.stream().map(ComplaintRegistered::complaintId).toList());
        assertThat(problem.complaints()).allSatisfy(linked -> assertThat(linked.linkedBy()).isNull());
        ProblemOpened opened = probe.awaitEvent(ProblemOpened.class, event -> event.problemId().equals(problem.id()));
        assertThat(opened.complaintId()).isEqualTo(five.get(0).complaintId());
        assertThat(opened.complaintIds()).hasSize(5);
        five.forEach(complaint -> probe.awaitEvent(ComplaintLinkedToProblem.class,
                event -> event.complaintId().equals(complaint.complaintId())
                        && event.problemId().equals(problem.id())));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alerts(AlertKind.PROBLEM_OPENED))
                .extracting(AlertView::problemId).contains(problem.id()));

        ComplaintRegistered sixth = registration(start.plus(Duration.ofMinutes(100)), Category.NETWORK_QUALITY, district);
        probe.publish(sixth);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(problemOf(sixth.complaintId()))
                .extracting(ProblemView::id).containsExactly(problem.id()));
        assertThat(problemOf(sixth.complaintId()).get(0).complaints()).hasSize(6);
        assertThat(probe.awaitEvent(ComplaintLinkedToProblem.class,
                event -> event.complaintId().equals(sixth.complaintId())).actor()).isNull();
    }

    @Test
    void aCorrectiveActionWarnsGoesOverdueOntoTheAgendaAndIsDoneBeforeTheProblemClosesForEveryCustomer() {
        String district = "District-" + UUID.randomUUID();
        ComplaintRegistered first = registration(clock.instant(), Category.BILLING, district);
        ComplaintRegistered second = registration(clock.instant(), Category.BILLING, district);
        probe.publish(first);
        probe.publish(second);
        Map<String, Object> open = Map.of("title", "Double charges in " + district, "category", "BILLING",
                "district", district, "complaintIds", List.of(first.complaintId(), second.complaintId()));
        ProblemView problem = await().atMost(PATIENCE).until(() -> web.post().uri("/api/v1/problems")
                        .headers(TestIssuer.as("sup.liu", List.of(Role.SUPERVISOR))).bodyValue(open).exchange()
                        .returnResult(ProblemView.class),
                result -> result.getStatus().value() == 201).getResponseBody().blockFirst();
        assertThat(problem.origin()).isEqualTo(ProblemOrigin.MANUAL);
        assertThat(problem.openedBy()).isEqualTo("sup.liu");
        assertThat(problem.complaints()).extracting(LinkedComplaint::linkedBy).containsOnly("sup.liu");

        Instant planned = clock.instant();
        Instant due = planned.plus(Duration.ofDays(3));
        ProblemView withAction = web.post().uri("/api/v1/problems/{id}/actions", problem.id())
                .headers(TestIssuer.as("sup.liu", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("what", "Correct the rating rule", "owner", "LIXIA-01", "dueAt", due.toString()))
                .exchange().expectStatus().isCreated()
                .expectBody(ProblemView.class).returnResult().getResponseBody();
        ProblemView.Action action = withAction.actions().get(0);
        assertThat(action.id()).isEqualTo(problem.id() + "-A1");
        assertThat(action.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(action.warnAt()).isEqualTo(time.share(planned, due, TimeBasis.WORKING, 75));

        clock.setInstant(action.warnAt().plusSeconds(1));
        Settle.passes(actionPass, 2);
        assertThat(one(problem.id()).actions().get(0).status()).isEqualTo(ActionStatus.WARNED);
        probe.awaitEvent(CorrectiveActionWarned.class, event -> event.actionId().equals(action.id()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alerts(AlertKind.ACTION_WARNING))
                .extracting(AlertView::problemId).contains(problem.id()));

        clock.setInstant(due.plusSeconds(1));
        Settle.passes(actionPass, 2);
        ProblemView overdue = one(problem.id());
        assertThat(overdue.actions().get(0).status()).isEqualTo(ActionStatus.OVERDUE);
        assertThat(overdue.agenda()).isNotNull();
        assertThat(overdue.agenda().by()).isNull();
        probe.awaitEvent(CorrectiveActionOverdue.class, event -> event.actionId().equals(action.id()));
        probe.awaitEvent(ProblemPutOnAgenda.class, event -> event.problemId().equals(problem.id()));
        assertThat(list("?agenda=true")).extracting(ProblemView::id).contains(problem.id());

        web.post().uri("/api/v1/problems/{id}/close", problem.id())
                .headers(TestIssuer.as("sup.liu", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("resolution", "Rule corrected", "notifyCustomers", true)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.pendingActions[0]").isEqualTo(action.id());
        web.post().uri("/api/v1/problems/{id}/actions/{action}/done", problem.id(), action.id())
                .headers(TestIssuer.as("zhao.lei", List.of(Role.DISPATCHER), "LIXIA-02"))
                .bodyValue(Map.of("note", "not mine")).exchange()
                .expectStatus().isForbidden();
        ProblemView done = web.post().uri("/api/v1/problems/{id}/actions/{action}/done", problem.id(), action.id())
                .headers(TestIssuer.as("li.ming", List.of(Role.DISPATCHER), "LIXIA-01"))
                .bodyValue(Map.of("note", "Rule 4711 corrected")).exchange()
                .expectStatus().isOk().expectBody(ProblemView.class).returnResult().getResponseBody();
        assertThat(done.actions().get(0).status()).isEqualTo(ActionStatus.DONE);
        assertThat(done.actions().get(0).doneBy()).isEqualTo("li.ming");

        ProblemView closed = web.post().uri("/api/v1/problems/{id}/close", problem.id())
                .headers(TestIssuer.as("sup.liu", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("resolution", "Rule corrected and every double charge refunded",
                        "notifyCustomers", true)).exchange()
                .expectStatus().isOk().expectBody(ProblemView.class).returnResult().getResponseBody();
        assertThat(closed.status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(closed.closedBy()).isEqualTo("sup.liu");
        assertThat(closed.customersNotified()).isTrue();
        for (ComplaintRegistered complaint : List.of(first, second)) {
            ProblemSolved solved = probe.awaitEvent(ProblemSolved.class,
                    event -> event.complaintId().equals(complaint.complaintId()));
            assertThat(solved.notifyCustomer()).isTrue();
            assertThat(solved.problemId()).isEqualTo(problem.id());
        }
        assertThat(list("?agenda=true")).extracting(ProblemView::id).doesNotContain(problem.id());
        web.post().uri("/api/v1/problems/{id}/close", problem.id())
                .headers(TestIssuer.as("sup.liu", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("resolution", "again", "notifyCustomers", false)).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void namesTheBadFieldsOfEachRequest() {
        web.get().uri("/api/v1/problems?status=LATE").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        web.post().uri("/api/v1/problems").headers(TestIssuer.as("sup.liu", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("title", " ", "category", "WEATHER", "district", "Lixia",
                        "complaintIds", List.of()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("title").contains("category").contains("complaintIds"));
        web.post().uri("/api/v1/problems").headers(TestIssuer.as("sup.liu", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("title", "Nobody's", "category", "BILLING", "district", "Lixia",
                        "complaintIds", List.of("no-such-complaint")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("complaintIds[0]")
                .jsonPath("$.errors[0].message").isEqualTo("no such complaint");
        web.post().uri("/api/v1/problems/{id}/actions", "PB-000000000000")
                .headers(TestIssuer.as("sup.liu", List.of(Role.SUPERVISOR)))
                .bodyValue(Map.of("what", "Fix", "owner", "LIXIA-01", "dueAt", clock.instant().minusSeconds(60)
                        .toString()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dueAt");
        web.get().uri("/api/v1/problems/{id}", "PB-000000000000").exchange().expectStatus().isNotFound();
    }

    private List<ProblemView> problemOf(String complaintId) {
        return list("?complaintId=" + complaintId);
    }

    private List<ProblemView> list(String query) {
        return web.get().uri("/api/v1/problems" + query).exchange().expectStatus().isOk()
                .expectBodyList(ProblemView.class).returnResult().getResponseBody();
    }

    private ProblemView one(String id) {
        return web.get().uri("/api/v1/problems/{id}", id).exchange().expectStatus().isOk()
                .expectBody(ProblemView.class).returnResult().getResponseBody();
    }

    private List<AlertView> alerts(AlertKind kind) {
        return web.get().uri("/api/v1/alerts?kind=" + kind).headers(TestIssuer.as("sup.liu",
                        List.of(Role.SUPERVISOR))).exchange().expectStatus().isOk()
                .expectBodyList(AlertView.class).returnResult().getResponseBody();
    }

    private static ComplaintRegistered registration(Instant at, Category category, String district) {
        String id = UUID.randomUUID().toString();
        return new ComplaintRegistered(UUID.randomUUID(), at, id, "TS-20261207-" + id.substring(0, 6),
                Channel.HOTLINE, category, Priority.NORMAL, new Customer("Wang Fang", "13800138000", null, false),
                district, "No signal since Monday", "agent-017", null, null, false, List.of(), List.of());
    }
}
