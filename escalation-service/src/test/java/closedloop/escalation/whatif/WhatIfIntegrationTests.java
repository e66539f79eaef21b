package closedloop.escalation.whatif;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.escalation.EscalationServiceApplication;
import closedloop.escalation.policy.web.LimitBody;
import closedloop.escalation.policy.web.PolicyView;
import closedloop.escalation.policy.web.RuleBody;
import closedloop.escalation.sla.ClockState;
import closedloop.escalation.sla.web.CaseClocksView;
import closedloop.escalation.whatif.WhatIfReport.Counts;
import closedloop.escalation.whatif.WhatIfReport.Row;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Policy what-if over HTTP against a real broker and MongoDB wire server: the service records each complaint's ticket
 * history from both topics, the live engine escalates one of two tickets, and a what-if replays the window under the
 * policy in force (the same as what happened), under a stricter draft and under a looser one, touching nothing.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + EscalationServiceApplication.NAME})
abstract class WhatIfIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private WebTestClient web;
    @Autowired
    private MutableClock clock;
    @Autowired
    private ReactiveMongoTemplate mongo;

    private KafkaProbe probe;

    @Test
    void comparesADraftWithWhatHappenedPerBranchAndCategory() {
        String branch = "WHATIF-" + UUID.randomUUID().toString().substring(0, 8);
        Instant dispatched = clock.instant();
        clock.add(Duration.ofHours(1));
        String onTime = handledOnTime(branch, dispatched);
        TicketAssigned neglected = assigned(branch, dispatched);
        probe.publish(neglected);
        probe.publish(neglected);
        awaitClocksStopped(onTime);
        PolicyView inForce = web.get().uri("/api/v1/policies/current").exchange()
                .expectStatus().isOk().expectBody(PolicyView.class).returnResult().getResponseBody();
        // time passes as it does, so the live engine fires each rung in its turn (a jump past a deadline skips the
        // warning, which a replay would not)
        clock.add(Duration.ofMinutes(35));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(row(whatIf(inForce.rules(), dispatched), branch))
                .extracting(Row::actual).extracting(Counts::warned).isEqualTo(1));
        clock.add(Duration.ofMinutes(205));
        long casesBefore = mongo.count(new Query(), "sla_cases").block();

        // the neglected ticket was warned and escalated (sign-for 2 h, first contact 4 h); the other was on time
        Counts happened = new Counts(1, 1, 0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(row(whatIf(inForce.rules(), dispatched), branch))
                .isEqualTo(new Row(branch, Category.BILLING, 2, happened, happened)));

        Row stricter = row(whatIf(billing(inForce.rules(), "PT20M", "PT25M"), dispatched), branch);
        Row looser = row(whatIf(billing(inForce.rules(), "PT6H", "PT8H"), dispatched), branch);

        assertThat(stricter).isEqualTo(new Row(branch, Category.BILLING, 2, new Counts(2, 2, 0), happened));
        // sign-for 6 h warns at 4.5 h; nothing had passed by 5 h
        assertThat(looser).isEqualTo(new Row(branch, Category.BILLING, 2, new Counts(1, 0, 0), happened));
        assertThat(mongo.count(new Query(), "sla_cases").block())
                .isEqualTo(casesBefore);
        assertThat(onTime).isNotEqualTo(neglected.complaintId());
    }

    @Test
    void namesEveryBadFieldOfTheRequest() {
        web.post().uri("/api/v1/policies/what-if")
                .bodyValue(Map.of("from", "last month", "policy", Map.of("rules", List.of(new RuleBody("BILLING",
                        "NORMAL", new LimitBody("2 hours", "CALENDAR"), new LimitBody("PT4H", "CALENDAR"),
                        new LimitBody("PT24H", "SOMETIMES"))), "outside", List.of())))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("from", "to", "policy.rules[0].signFor.amount",
                                "policy.rules[0].resolve.basis"));
    }

    @Test
    void refusesADraftThatMissesALimitAndAWindowThatIsBackwardsOrTooLong() {
        PolicyView inForce = web.get().uri("/api/v1/policies/current").exchange()
                .expectStatus().isOk().expectBody(PolicyView.class).returnResult().getResponseBody();
        List<RuleBody> missingOne = new ArrayList<>(inForce.rules());
        missingOne.remove(0);
        Instant now = clock.instant();

        web.post().uri("/api/v1/policies/what-if")
                .bodyValue(request(missingOne, now, now.minusSeconds(1)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("policy.rules", "from"));
        web.post().uri("/api/v1/policies/what-if")
                .bodyValue(request(inForce.rules(), now.minus(Duration.ofDays(93)), now))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("must be at most 92 days before to (" + now + ")");
    }

    /** A ticket signed for and contacted after 30 minutes and resolved after an hour; its complaint id. */
    private String handledOnTime(String branch, Instant dispatched) {
        TicketAssigned assigned = assigned(branch, dispatched);
        Instant halfAnHour = dispatched.plus(Duration.ofMinutes(30));
        probe.publish(assigned);
        probe.publish(new TicketAccepted(UUID.randomUUID(), halfAnHour, assigned.complaintId(), assigned.ticketId(),
                branch, "li.ming"));
        probe.publish(new FirstContactRecorded(UUID.randomUUID(), halfAnHour, assigned.complaintId(),
                assigned.ticketId(), branch, halfAnHour, ContactMethod.PHONE, "Explained the bill", "li.ming"));
        probe.publish(new TicketResolved(UUID.randomUUID(), dispatched.plus(Duration.ofHours(1)),
                assigned.complaintId(), assigned.ticketId(), branch, "Refunded", "li.ming", null, null));
        return assigned.complaintId();
    }

    /** Waits until the SLA engine applied the on-time ticket's events, before the test clock moves past its limits. */
    private void awaitClocksStopped(String complaintId) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(web.get().uri("/api/v1/clocks/{id}", complaintId)
                .exchange()
                .expectBody(CaseClocksView.class).returnResult().getResponseBody())
                .satisfies(view -> assertThat(view.clocks()).hasSize(3)
                        .allSatisfy(clock -> assertThat(clock.state()).isEqualTo(ClockState.STOPPED))));
    }

    private WhatIfReport whatIf(List<RuleBody> rules, Instant dispatched) {
        return web.post().uri("/api/v1/policies/what-if")
                .headers(TestIssuer.as("sup.liu"))
                .bodyValue(request(rules, dispatched.minusSeconds(1), dispatched.plusSeconds(1)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(WhatIfReport.class).returnResult().getResponseBody();
    }

    private static Row row(WhatIfReport report, String branch) {
        return report.rows().stream().filter(row -> branch.equals(row.branch())).findFirst().orElse(null);
    }

    private static Map<String, Object> request(List<RuleBody> rules, Instant from, Instant to) {
        Map<String, Object> body = new HashMap<>();
        body.put("policy", Map.of("rules", rules, "outside", List.of()));
        body.put("from", from.toString());
        body.put("to", to.toString());
        return body;
    }

    private static List<RuleBody> billing(List<RuleBody> rules, String signFor, String firstContact) {
        return rules.stream()
                .map(rule -> rule.category().equals("BILLING") && rule.priority().equals("NORMAL")
                        ? new RuleBody(rule.category(), rule.priority(), new LimitBody(signFor, "CALENDAR"),
                        new LimitBody(firstContact, "CALENDAR"), rule.resolve())
                        : rule)
                .toList();
    }

    private static TicketAssigned assigned(String branch, Instant at) {
        return new TicketAssigned(UUID.randomUUID(), at, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                branch, Category.BILLING, Priority.NORMAL, null, AssignmentReason.ROUTED, Channel.HOTLINE, at);
    }
}
