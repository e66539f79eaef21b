package closedloop.escalation.policy;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TimeBasis;
import closedloop.escalation.EscalationServiceApplication;
import closedloop.escalation.policy.web.LimitBody;
import closedloop.escalation.policy.web.OutsideBody;
import closedloop.escalation.policy.web.PolicyView;
import closedloop.escalation.policy.web.RuleBody;
import closedloop.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import closedloop.platform.domain.RaceRetry;
import closedloop.testsupport.KafkaProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
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

/**
 * Time-limit policies over HTTP against a real MongoDB wire server and broker: the settings seed the first version, an
 * administrator publishes the next, each applies to complaints registered from its effective time on (their clocks
 * say which version they run by), and a bad version is refused whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + EscalationServiceApplication.NAME,
        // a context of its own: these tests publish versions that other tests must not see
        "closedloop.calendar.region=CN"})
abstract class PolicyIntegrationTests {

    @Autowired
    private WebTestClient web;
    @Autowired
    private MutableClock clock;
    @Autowired
    private PolicyBook book;
    @Autowired
    private Policies policies;
    @Autowired
    private RaceRetry raceRetry;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void theSettingsSeedTheFirstVersion() {
        PolicyView current = web.get().uri("/api/v1/policies/1").exchange()
                .expectStatus().isOk()
                .expectBody(PolicyView.class).returnResult().getResponseBody();

        assertThat(current.publishedBy()).isEqualTo(TimeLimitPolicy.CONFIGURATION);
        assertThat(current.rules()).hasSize(18).contains(
                new RuleBody("BILLING", "NORMAL", limit("PT2H", "CALENDAR"), limit("PT4H", "CALENDAR"),
                        limit("PT24H", "CALENDAR")),
                new RuleBody("SERVICE_ATTITUDE", "URGENT", limit("PT1H", "CALENDAR"), limit("PT12H", "WORKING"),
                        limit("PT36H", "WORKING")),
                new RuleBody("NETWORK_QUALITY", "MAJOR", limit("PT30M", "CALENDAR"), limit("PT4H", "CALENDAR"),
                        limit("PT24H", "CALENDAR")));
        assertThat(current.outside()).containsExactlyInAnyOrder(
                new OutsideBody("REGULATOR", limit("PT360H", "CALENDAR")),
                new OutsideBody("CONSUMER_ASSOCIATION", limit("PT168H", "WORKING")));
    }

    @Test
    void aPublishedVersionAppliesFromItsEffectiveTimeOn() {
        PolicyView before = current();
        Instant effective = clock.instant().plus(Duration.ofHours(1));

        PolicyView published = web.post().uri("/api/v1/admin/policies")
                .headers(TestIssuer.as("admin.wu"))
                .bodyValue(publication(withBillingResolve(before.rules(), "PT12H"), before.outside(),
                        effective.toString(), "Billing errors fixed within 12 hours"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/policies/\\d+")
                .expectBody(PolicyView.class).returnResult().getResponseBody();

        assertThat(published.version()).isEqualTo(before.version() + 1);
        assertThat(published.publishedBy()).isEqualTo("admin.wu");
        assertThat(published.effectiveFrom()).isEqualTo(effective);
        assertThat(book.inForceAt(effective.minusMillis(1)).block().version()).isEqualTo(before.version());
        assertThat(book.inForceAt(effective).block().limits(Category.BILLING, Priority.NORMAL).resolve())
                .isEqualTo(Limit.calendar(Duration.ofHours(12)));
        assertThat(current().version()).isEqualTo(before.version());

        clock.add(Duration.ofHours(1));

        assertThat(current().version()).isEqualTo(published.version());
        web.get().uri("/api/v1/policies/{v}", published.version()).exchange()
                .expectStatus().isOk()
                .expectBody(PolicyView.class).isEqualTo(published);
        web.get().uri("/api/v1/policies").exchange()
                .expectStatus().isOk()
                .expectBodyList(PolicyView.class).value(versions ->
                        assertThat(versions.get(0).version()).isEqualTo(published.version()));
    }

    @Test
    void eachTicketIsMeasuredAgainstTheVersionInForceWhenItsComplaintWasRegistered() {
        PolicyView before = current();
        Duration resolveBefore = Duration.parse(billingNormal(before).resolve().amount());
        Duration halved = resolveBefore.dividedBy(2);
        Instant effective = clock.instant().plus(Duration.ofMinutes(10));
        PolicyView published = web.post().uri("/api/v1/admin/policies")
                .bodyValue(publication(withBillingResolve(before.rules(), halved.toString()), before.outside(),
                        effective.toString(), "Billing errors fixed twice as fast"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(PolicyView.class).returnResult().getResponseBody();
        clock.add(Duration.ofMinutes(20));
        Instant dispatched = clock.instant();

        ClockStarted older = resolveClockOf(assignment(effective.minusSeconds(1), dispatched));
        ClockStarted newer = resolveClockOf(assignment(effective, dispatched));

        assertThat(older.policyVersion()).isEqualTo(before.version());
        assertThat(older.deadline()).isEqualTo(dispatched.plus(resolveBefore));
        assertThat(newer.policyVersion()).isEqualTo(published.version());
        assertThat(newer.deadline()).isEqualTo(dispatched.plus(halved));
        assertThat(newer.limit()).isEqualTo(halved);
        assertThat(newer.basis()).isEqualTo(TimeBasis.CALENDAR);
    }

    private static RuleBody billingNormal(PolicyView policy) {
        return policy.rules().stream()
                .filter(rule -> rule.category().equals("BILLING") && rule.priority().equals("NORMAL"))
                .findFirst().orElseThrow();
    }

    @Test
    void malformedLimitsAreAllNamedAndNothingIsPublished() {
        PolicyView before = current();
        long versions = policies.count().block();
        List<RuleBody> rules = new ArrayList<>(before.rules());
        RuleBody first = rules.get(0);
        rules.set(0, new RuleBody(first.category(), first.priority(), limit("2 hours", "CALENDAR"),
                first.firstContact(), limit("PT1H", "SOMETIMES")));
        rules.set(1, new RuleBody("PARKING", rules.get(1).priority(), rules.get(1).signFor(),
                limit("-PT1H", "WORKING"), rules.get(1).resolve()));

        web.post().uri("/api/v1/admin/policies")
                .bodyValue(publication(rules, before.outside(), "yesterday", " "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("effectiveFrom", "note", "rules[0].signFor.amount",
                                "rules[0].resolve.basis", "rules[1].category", "rules[1].firstContact.amount"));

        assertThat(policies.count().block()).isEqualTo(versions);
    }

    @Test
    void aVersionMustCoverEveryCategoryAndPriorityOnceAndNotStartInThePast() {
        PolicyView before = current();
        long versions = policies.count().block();
        List<RuleBody> rules = new ArrayList<>(before.rules());
        RuleBody dropped = rules.remove(rules.size() - 1);
        rules.set(3, rules.get(0));
        List<OutsideBody> outside = List.of(before.outside().get(0), before.outside().get(0));

        web.post().uri("/api/v1/admin/policies")
                .bodyValue(publication(rules, outside, clock.instant().minusSeconds(1).toString(), "Tidy up"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .contains("rules[3]", "rules", "outside[1]", "effectiveFrom"))
                .jsonPath("$.errors[*].message").value(messages -> assertThat((List<String>) messages)
                        .contains("has no limits for " + dropped.category() + " at " + dropped.priority()));

        assertThat(policies.count().block()).isEqualTo(versions);
    }

    @Test
    void anUnknownVersionIsNotFound() {
        web.get().uri("/api/v1/policies/999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void changedSettingsArePublishedAtTheNextStartUnlessAnAdministratorPublishedSince() {
        int latest = policies.findFirstByOrderByVersionDesc().block().version();
        SlaProperties quicker = new SlaProperties(new SlaProperties.Limits(null, null, Duration.ofHours(6), null),
                null, null, null, null, null);

        new PolicyBook(policies, quicker, raceRetry, clock).seedFromSettings().block();
        new PolicyBook(policies, quicker, raceRetry, clock).seedFromSettings().block();

        TimeLimitPolicy configured = book.inForceAt(clock.instant()).block();
        assertThat(configured.version()).isEqualTo(latest + 1);
        assertThat(configured.publishedBy()).isEqualTo(TimeLimitPolicy.CONFIGURATION);
        assertThat(configured.limits(Category.BILLING, Priority.NORMAL).resolve())
                .isEqualTo(Limit.calendar(Duration.ofHours(6)));

        book.publish(configured, clock.instant(), "admin.wu", "Same limits, signed off").block();
        new PolicyBook(policies, SlaProperties.DEFAULTS, raceRetry, clock).seedFromSettings().block();

        assertThat(book.inForceAt(clock.instant()).block().publishedBy()).isEqualTo("admin.wu");
        assertThat(policies.count().block()).isEqualTo(latest + 2);
    }

    private ClockStarted resolveClockOf(TicketAssigned assigned) {
        try (KafkaProbe probe = new KafkaProbe(bootstrapServers)) {
            probe.publish(assigned);
            return probe.awaitEvent(ClockStarted.class, started -> started.ticketId().equals(assigned.ticketId())
                    && started.clock() == ClockKind.RESOLVE);
        }
    }

    private static TicketAssigned assignment(Instant registeredAt, Instant dispatchedAt) {
        return new TicketAssigned(UUID.randomUUID(), dispatchedAt, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), "LIXIA-01", Category.BILLING, Priority.NORMAL, null,
                AssignmentReason.ROUTED, Channel.HOTLINE, registeredAt);
    }

    private PolicyView current() {
        return web.get().uri("/api/v1/policies/current").exchange()
                .expectStatus().isOk()
                .expectBody(PolicyView.class).returnResult().getResponseBody();
    }

    private static List<RuleBody> withBillingResolve(List<RuleBody> rules, String amount) {
        return rules.stream()
                .map(rule -> rule.category().equals("BILLING") && rule.priority().equals("NORMAL")
                        ? new RuleBody(rule.category(), rule.priority(), rule.signFor(), rule.firstContact(),
                        limit(amount, "CALENDAR"))
                        : rule)
                .toList();
    }

    private static Map<String, Object> publication(List<RuleBody> rules, List<OutsideBody> outside,
                                                   String effectiveFrom, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveFrom", effectiveFrom);
        body.put("note", note);
        body.put("rules", rules);
        body.put("outside", outside);
        return body;
    }

    private static LimitBody limit(String amount, String basis) {
        return new LimitBody(amount, basis);
    }
}
