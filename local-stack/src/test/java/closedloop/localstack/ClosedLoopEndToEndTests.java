package closedloop.localstack;

import closedloop.contracts.CallbackAttemptResult;
import closedloop.issuer.IdentityIssuerApplication;
import closedloop.notification.NotificationServiceApplication;
import closedloop.notification.callback.Callback;
import closedloop.notification.callback.CallbackProperties;
import closedloop.notification.callback.Callbacks;
import closedloop.notification.message.QuietHours;
import closedloop.platform.PeriodicPass;
import closedloop.platform.outbox.OutboxRelay;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the whole loop through the four services' HTTP APIs on the embedded default, as the run command starts it:
 * a real Kafka broker, the durable MongoDB-wire store and the four Spring contexts in one process, and reads what
 * reached the demo outbox's SMS gateway; a customer's SMS reply goes back through that gateway, signed.
 */
@ExtendWith(WholeStack.class)
class ClosedLoopEndToEndTests {

    static LocalStack stack;
    static ClosedLoopApi api;

    @BeforeAll
    static void useTheSharedStack(LocalStack shared) {
        stack = shared;
        api = new ClosedLoopApi(stack);
    }

    @Test
    void closesASatisfiedComplaintAfterItsBranchResolvedIt() {
        String complaintId = api.register("BILLING", "Lixia", "13800138001");

        JsonNode ticket = awaitTickets(complaintId, 1).get(0);
        assertThat(ticket.get("branch").asText()).isEqualTo("LIXIA-01");
        await().untilAsserted(() -> assertThat(api.complaint(complaintId).get("status").asText()).isEqualTo("ASSIGNED"));

        api.accept(ticket.get("id").asText());
        api.resolve(ticket.get("id").asText());

        String callbackId = awaitOpenCallback(complaintId);
        api.recordCallback(callbackId, "SATISFIED");

        await().untilAsserted(() -> assertThat(api.complaint(complaintId).get("status").asText()).isEqualTo("CLOSED"));
        assertThat(types(api.complaint(complaintId).get("timeline"))).contains(
                "closedloop.complaint.registered.v1", "closedloop.ticket.assigned.v1", "closedloop.ticket.accepted.v1",
                "closedloop.ticket.resolved.v1", "closedloop.contact.callback-opened.v1",
                "closedloop.contact.callback-completed.v1", "closedloop.complaint.closed.v1");
        await().untilAsserted(() -> assertThat(purposes(api.messages(complaintId)))
                .contains("REGISTRATION_ACK", "RESOLUTION_NOTICE", "CLOSURE_NOTICE"));
        assertThat(api.escalations(complaintId)).isEmpty();
    }

    @Test
    void sendsTheCustomerTheirComplaintNumberThroughTheSmsGateway() {
        String complaintId = api.register("BILLING", "Lixia", "13800138004");
        String number = api.complaint(complaintId).get("number").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.smsTo("13800138004"))
                .anySatisfy(sms -> assertThat(sms.get("text").asText()).contains(number)));
        assertThat(api.smsTo("13800138004")).allSatisfy(sms -> {
            assertThat(sms.get("to").asText()).isEqualTo("13800138004");
            assertThat(sms.get("reference").asText()).isNotBlank();
        });
    }

    @Test
    void escalatesAnUnresolvedComplaintUpTheLadderOnceARung() {
        String complaintId = api.register("NETWORK_QUALITY", "Shizhong", "13800138002");

        // resolve limit 6 s (WholeStack): warning at 4.5 s, level 1 at 6 s, level 2 a further 6 s later
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.escalations(complaintId)).hasSize(2));
        List<JsonNode> escalations = list(api.escalations(complaintId));
        assertThat(escalations).extracting(e -> e.get("level").asInt()).containsExactlyInAnyOrder(1, 2);
        assertThat(escalations).extracting(e -> e.get("branch").asText()).containsOnly("SHIZHONG-01");
        awaitMorePasses("escalation-service", 3);
        assertThat(api.escalations(complaintId)).hasSize(2);
        await().untilAsserted(() -> assertThat(types(api.complaint(complaintId).get("timeline")))
                .containsOnlyOnce("closedloop.sla.warned.v1")
                .filteredOn("closedloop.sla.escalated.v1"::equals).hasSize(2));
    }

    @Test
    void reopensAnUnsatisfiedComplaintToTheSameBranch() {
        String complaintId = api.register("BILLING", "Lixia", "13800138003");
        JsonNode first = awaitTickets(complaintId, 1).get(0);
        api.accept(first.get("id").asText());
        api.resolve(first.get("id").asText());
        api.recordCallback(awaitOpenCallback(complaintId), "UNSATISFIED");

        List<JsonNode> tickets = awaitTickets(complaintId, 2);
        JsonNode reopened = tickets.stream().filter(t -> !t.get("id").asText().equals(first.get("id").asText()))
                .findFirst().orElseThrow();
        assertThat(reopened.get("branch").asText()).isEqualTo("LIXIA-01");
        assertThat(reopened.get("previousTicketId").asText()).isEqualTo(first.get("id").asText());
        assertThat(reopened.get("priority").asText()).isEqualTo("URGENT");
        await().untilAsserted(() -> {
            JsonNode complaint = api.complaint(complaintId);
            assertThat(types(complaint.get("timeline"))).contains("closedloop.complaint.reopened.v1");
            assertThat(complaint.get("reopenCount").asInt()).isEqualTo(1);
        });
    }

    @Test
    void closesAComplaintByTheCustomersSmsReplyWhichOnlyTheDemoGatewayCanForward() {
        String phone = "13800138005";
        String complaintId = api.register("BILLING", "Lixia", phone);
        JsonNode ticket = awaitTickets(complaintId, 1).get(0);
        api.accept(ticket.get("id").asText());
        api.resolve(ticket.get("id").asText());
        String replyCode = surveyOut(awaitOpenCallback(complaintId));

        api.postUnsignedReply(phone, replyCode + " 1").expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.complaint(complaintId).get("status").asText()).isNotEqualTo("CLOSED");
        api.textBack(phone, replyCode + " 1 5 4 5 5 快一点").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.completedBy").isEqualTo("sms:" + phone);

        await().untilAsserted(() -> assertThat(api.complaint(complaintId).get("status").asText()).isEqualTo("CLOSED"));
        assertThat(types(api.complaint(complaintId).get("timeline"))).contains(
                "closedloop.contact.callback-survey-sent.v1", "closedloop.contact.callback-completed.v1");
    }

    /**
     * Records the three failed calls that send the SMS survey, two hours apart from the callback's opening on, as the
     * hotline would over four hours (the stack runs on the real clock), and returns the survey's reply code.
     */
    private static String surveyOut(String callbackId) {
        ConfigurableApplicationContext notification = stack.context(NotificationServiceApplication.NAME);
        Callbacks callbacks = notification.getBean(Callbacks.class);
        CallbackProperties rules = notification.getBean(CallbackProperties.class);
        Callback callback = callbacks.findById(callbackId).block(Duration.ofSeconds(10));
        Instant firstCall = callback.openedAt();
        for (int call = 0; call < rules.maxAttempts(); call++) {
            callback.attempt(CallbackAttemptResult.NO_ANSWER, "no answer", "agent-007",
                    firstCall.plus(rules.attemptSpacing().multipliedBy(call)), rules, "5317",
                    notification.getBean(QuietHours.class));
        }
        notification.getBean(OutboxRelay.class).nudge(callbacks.save(callback).block(Duration.ofSeconds(10)));
        return callback.survey().replyCode();
    }

    @Test
    void reportsEveryServiceHealthyWithItsMetrics() {
        stack.urls().forEach((service, url) -> {
            if (service.equals(IdentityIssuerApplication.NAME)) {
                return;
            }
            var client = org.springframework.test.web.reactive.server.WebTestClient.bindToServer().baseUrl(url)
                    // a service's metrics run past the default 256 KB with every consumer group's fetch metrics
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
            client.get().uri("/actuator/health").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            client.get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
        });
    }

    /**
     * Waits until every periodic pass of the service (the SLA firing pass among them) has finished a few more times:
     * whatever they would have done by now, they did.
     */
    private static void awaitMorePasses(String service, int passes) {
        Map<PeriodicPass, Long> before = stack.context(service).getBeansOfType(PeriodicPass.class).values().stream()
                .collect(Collectors.toMap(Function.identity(), PeriodicPass::completedPasses));
        assertThat(before).isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> before.entrySet().stream()
                .allMatch(pass -> pass.getKey().completedPasses() >= pass.getValue() + passes));
    }

    private static List<JsonNode> awaitTickets(String complaintId, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> list(api.tickets(complaintId)), tickets -> tickets.size() == count);
    }

    private static String awaitOpenCallback(String complaintId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> list(api.openCallbacks(complaintId)), callbacks -> callbacks.size() == 1)
                .get(0).get("id").asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> types(JsonNode timeline) {
        return list(timeline).stream().map(entry -> entry.get("type").asText()).toList();
    }

    private static List<String> purposes(JsonNode messages) {
        return list(messages).stream().map(message -> message.get("purpose").asText()).toList();
    }
}
