package closedloop.localstack.console;

import closedloop.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    StackCalls(LocalStack stack) {
        intake = client(stack.url("complaint-intake"));
        router = client(stack.url("ticket-router"));
        escalation = client(stack.url("escalation-service"));
        notification = client(stack.url("notification-service"));
    }

    /** Registers a complaint as an agent does; returns the answer ({@code id}, {@code number}, …). */
    JsonNode register(String category, String district, String phone, String description) {
        return register(category, district, "Sun Li", phone, description);
    }

    /** As {@link #register(String, String, String, String)}, for a test that looks for the customer's name. */
    JsonNode register(String category, String district, String customer, String phone, String description) {
        return intake.post().uri("/api/v1/complaints").header("X-Actor", "agent-earlier")
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

    /** The branch acts on a ticket, e.g. {@code act(ticketId, "accept", null)}. */
    void act(String ticketId, String action, Object body) {
        post(router, "/api/v1/tickets/" + ticketId + "/" + action, "dispatcher-test", body);
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

    JsonNode complaint(String complaintId) {
        return get(intake, "/api/v1/complaints/" + complaintId);
    }

    /** The customer's complaints, newest first, as the agent's page asks for them: the phone in the body. */
    JsonNode customerHistory(String phone) {
        return intake.post().uri("/api/v1/complaints/_search").contentType(MediaType.APPLICATION_JSON)
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

    static JsonNode get(WebTestClient client, String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static void post(WebTestClient client, String uri, String actor, Object body) {
        WebTestClient.RequestBodySpec request = client.post().uri(uri).header("X-Actor", actor);
        (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange().expectStatus().is2xxSuccessful();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(20)).build();
    }
}
