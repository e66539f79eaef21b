package closedloop.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an agent, a dispatcher and a supervisor do with curl, and what the customer's phone shows, as small sentences
 * for the end-to-end tests.
 */
final class ClosedLoopApi {

    private final WebTestClient intake;
    private final WebTestClient router;
    private final WebTestClient escalation;
    private final WebTestClient notification;
    private final WebTestClient outbox;
    private final DemoTokens tokens;

    ClosedLoopApi(LocalStack stack) {
        tokens = new DemoTokens(stack.issuerUrl());
        intake = client(stack.url("complaint-intake"));
        router = client(stack.url("ticket-router"));
        escalation = client(stack.url("escalation-service"));
        notification = client(stack.url("notification-service"));
        outbox = client(stack.outbox().url());
    }

    private static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(10)).build();
    }

    /** Registers a complaint and returns its id. */
    String register(String category, String district, String phone) {
        return register(category, district, phone, headers -> { });
    }

    /** Registers a complaint in the trace a W3C {@code traceparent} names, and returns its id. */
    String registerInTrace(String category, String district, String phone, String traceparent) {
        return register(category, district, phone, headers -> headers.set("traceparent", traceparent));
    }

    private String register(String category, String district, String phone, Consumer<HttpHeaders> more) {
        JsonNode created = intake.post().uri("/api/v1/complaints")
                .headers(tokens.as(DemoTokens.AGENT))
                .headers(more)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "HOTLINE", "category", category, "district", district,
                        "customer", Map.of("name", "Zhang Wei", "phone", phone),
                        "description", "The bill shows a charge I did not order"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("number").asText()).matches("TS-\\d{8}-\\d{6}");
        return created.get("id").asText();
    }

    JsonNode complaint(String complaintId) {
        return get(intake, DemoTokens.AGENT, "/api/v1/complaints/" + complaintId);
    }

    /** The customer's complaints, newest first, as the agent looks them up: the phone in the body. */
    JsonNode customerHistory(String phone) {
        return post(intake, DemoTokens.AGENT, "/api/v1/complaints/_search", Map.of("phone", phone, "page", 0, "size", 10));
    }

    JsonNode tickets(String complaintId) {
        return get(router, DemoTokens.SUPERVISOR, "/api/v1/tickets?complaintId=" + complaintId);
    }

    void accept(String ticketId) {
        router.post().uri("/api/v1/tickets/{id}/accept", ticketId).headers(tokens.dispatcherOf("LIXIA-01"))
                .exchange().expectStatus().is2xxSuccessful();
    }

    void resolve(String ticketId) {
        router.post().uri("/api/v1/tickets/{id}/resolve", ticketId).headers(tokens.dispatcherOf("LIXIA-01"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resolution", "Refunded the wrong charge", "rootCause", "BILLING_SYSTEM",
                        "responsibleParty", "billing department"))
                .exchange().expectStatus().is2xxSuccessful();
    }

    JsonNode openCallbacks(String complaintId) {
        return get(notification, DemoTokens.AGENT, "/api/v1/callbacks?status=OPEN&complaintId=" + complaintId);
    }

    void recordCall(String callbackId, String result) {
        notification.post().uri("/api/v1/callbacks/{id}/attempts", callbackId).headers(tokens.as(DemoTokens.AGENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("result", result, "note", "Called"))
                .exchange().expectStatus().is2xxSuccessful();
    }

    void recordCallback(String callbackId, String outcome) {
        notification.post().uri("/api/v1/callbacks/{id}/outcome", callbackId).headers(tokens.as(DemoTokens.AGENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", outcome, "note", "Called back"))
                .exchange().expectStatus().is2xxSuccessful();
    }

    JsonNode messages(String complaintId) {
        return get(notification, DemoTokens.SUPERVISOR, "/api/v1/messages?complaintId=" + complaintId);
    }

    /** The customer texts back: the demo gateway forwards it to notification-service, signed; its answer. */
    WebTestClient.ResponseSpec textBack(String phone, String text) {
        return outbox.post().uri("/sms/replies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", phone, "text", text))
                .exchange();
    }

    /** Someone posts a reply to notification-service directly, unsigned, as a forger would; its answer. */
    WebTestClient.ResponseSpec postUnsignedReply(String phone, String text) {
        return notification.post().uri("/api/v1/sms/replies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", phone, "text", text))
                .exchange();
    }

    /** The messages to a recipient, a customer's phone among them: the recipient in the body. */
    JsonNode messagesTo(String recipient) {
        return post(notification, DemoTokens.SUPERVISOR, "/api/v1/messages/_search", Map.of("recipient", recipient));
    }

    /** Switches the demo SMS gateway's outage on (every SMS answered 503) or off. */
    void smsGatewayOutage(boolean on) {
        (on ? outbox.post() : outbox.delete()).uri("/sms/outage").exchange().expectStatus().isOk();
    }

    /**
     * The SMS the demo gateway received for one phone number, newest first: all it received, picked here, so that the
     * phone stays out of the URL.
     */
    List<JsonNode> smsTo(String phone) {
        return StreamSupport.stream(outbox.get().uri("/sms/messages").exchange().expectStatus().isOk()
                        .expectBody(JsonNode.class).returnResult().getResponseBody().spliterator(), false)
                .filter(sms -> sms.path("to").asText().equals(phone))
                .toList();
    }

    JsonNode escalations(String complaintId) {
        return get(escalation, DemoTokens.SUPERVISOR, "/api/v1/escalations?complaintId=" + complaintId);
    }

    private JsonNode post(WebTestClient client, String user, String uri, Object body) {
        return client.post().uri(uri).headers(tokens.as(user)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode get(WebTestClient client, String user, String uri) {
        return client.get().uri(uri).headers(tokens.as(user)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
