package closedloop.localstack.console;

import closedloop.localstack.DemoTokens;
import closedloop.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;

/**
 * What the browser tests do behind the page's back, straight on the services' HTTP APIs: the setup another person
 * would have done (an agent's earlier registration, a branch's resolution) and the reads that check what the page
 * did really happened.
 */
final class StackCalls {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    final WebTestClient intake;
    final WebTestClient router;
    final WebTestClient escalation;
    final WebTestClient notification;
    /** The demo outbox: what the SMS gateway received. */
    final WebTestClient outbox;

    private final DemoTokens tokens;

    StackCalls(LocalStack stack) {
        tokens = new DemoTokens(stack.issuerUrl());
        intake = client(stack.url("complaint-intake"));
        router = client(stack.url("ticket-router"));
        escalation = client(stack.url("escalation-service"));
        notification = client(stack.url("notification-service"));
        outbox = client(stack.outbox().url());
    }

    /** Registers a complaint as an agent does; returns the answer ({@code id}, {@code number}, …). */
    JsonNode register(String category, String district, String phone, String description) {
        return register(category, district, "Sun Li", phone, description);
    }

    /** As {@link #register(String, String, String, String)}, for a test that looks for the customer's name. */
    JsonNode register(String category, String district, String customer, String phone, String description) {
        return intake.post().uri("/api/v1/complaints").headers(tokens.as(DemoTokens.AGENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "HOTLINE", "category", category, "district", district,
                        "customer", Map.of("name", customer, "phone", phone), "description", description))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The id of the ticket ticket-router dispatched for the complaint, once it did. */
    String ticketOf(String complaintId) {
        return await().atMost(PATIENCE)
                .until(() -> list(get(router, "/api/v1/tickets?complaintId=" + complaintId)), tickets -> !tickets.isEmpty())
                .get(0).get("id").asText();
    }

    /** The ticket's branch acts on it, as its demo dispatcher, e.g. {@code act(ticketId, "accept", null)}. */
    void act(String ticketId, String action, Object body) {
        WebTestClient.RequestBodySpec request = router.post().uri("/api/v1/tickets/" + ticketId + "/" + action)
                .headers(tokens.dispatcherOf(ticket(ticketId).get("branch").asText()));
        (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange().expectStatus().is2xxSuccessful();
    }

    /** The branch signs for and resolves the complaint's ticket; returns once its callback is due. */
    void resolve(String complaintId) {
        String ticketId = ticketOf(complaintId);
        act(ticketId, "accept", null);
        act(ticketId, "resolve", Map.of("resolution", "Refunded the double charge", "rootCause", "BILLING_SYSTEM",
                "responsibleParty", "billing department"));
        await().atMost(PATIENCE).until(() -> list(get(notification, "/api/v1/callbacks?status=DUE&complaintId=" + complaintId)),
                callbacks -> callbacks.size() == 1);
    }

    /**
     * What a draft policy ({@code rules} and {@code outside}) would have done to the complaints first dispatched from
     * {@code from} to before {@code to} (ISO instants), beside what happened, as a supervisor asks it.
     */
    JsonNode whatIf(JsonNode policy, String from, String to) {
        return escalation.post().uri("/api/v1/policies/what-if").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("policy", policy, "from", from, "to", to))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The business calendar's years and whether next year's is missing, as every member of staff may read them. */
    JsonNode calendars() {
        return get(escalation, "/api/v1/calendars");
    }

    /** The complaint's clocks, once escalation-service has heard of its ticket. */
    JsonNode clocks(String complaintId) {
        return await().atMost(PATIENCE).until(() -> {
            EntityExchangeResult<JsonNode> answer = escalation.get().uri("/api/v1/clocks/" + complaintId).exchange()
                    .expectBody(JsonNode.class).returnResult();
            return answer.getStatus().is2xxSuccessful() ? answer.getResponseBody() : null;
        }, Objects::nonNull);
    }

    /** The problems (问题单) the complaint is linked to: none, or the one. */
    List<JsonNode> problemsOf(String complaintId) {
        return list(get(escalation, "/api/v1/problems?complaintId=" + complaintId));
    }

    JsonNode problem(String problemId) {
        return get(escalation, "/api/v1/problems/" + problemId);
    }

    /**
     * The SMS the demo gateway received for one phone number: all it received, picked here, so that the phone stays
     * out of the URL.
     */
    List<JsonNode> smsTo(String phone) {
        return list(get(outbox, "/sms/messages")).stream().filter(sms -> sms.path("to").asText().equals(phone)).toList();
    }

    JsonNode complaint(String complaintId) {
        return get(intake, "/api/v1/complaints/" + complaintId);
    }

    /** The customer's complaints, newest first, as the agent's page asks for them: the phone in the body. */
    JsonNode customerHistory(String phone) {
        return intake.post().uri("/api/v1/complaints/_search").headers(tokens.as(DemoTokens.AGENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "page", 0, "size", 10))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode ticket(String ticketId) {
        return get(router, "/api/v1/tickets/" + ticketId);
    }

    /** The first element of a JSON array answer that matches, if any. */
    static Optional<JsonNode> first(JsonNode array, Predicate<JsonNode> matching) {
        return list(array).stream().filter(matching).findFirst();
    }

    /** What a supervisor, who may read everything, reads at {@code uri} of one of these clients. */
    static JsonNode get(WebTestClient client, String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** A client whose requests read as the demo supervisor unless they are signed in otherwise. */
    private WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(20))
                .filter((request, next) -> next.exchange(request.headers().containsKey(HttpHeaders.AUTHORIZATION)
                        ? request
                        : ClientRequest.from(request).headers(tokens.as(DemoTokens.SUPERVISOR)).build()))
                .build();
    }
}
