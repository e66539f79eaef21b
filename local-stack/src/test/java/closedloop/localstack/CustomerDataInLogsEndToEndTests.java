package closedloop.localstack;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No customer's phone number in any log line (docs/architecture.md §9.10): the whole loop runs on the embedded default
 * with every closedloop logger at DEBUG and the access log on (WholeStack), the other loggers at the levels the stack
 * runs with, and everything the process logs meanwhile, and prints to the console, is scanned for the test's phone
 * numbers however they are written. The loop takes the paths that carry a phone: two registrations of one customer
 * (the repeat is found by phone) and a landline, the customer's history directly and through the console's gateway,
 * the message log searched by phone, clients that put a phone in a URL anyway (400), an SMS refused by the gateway in
 * an outage and sent once it is over, escalations, and the callback that closes the complaint.
 */
@ExtendWith({WholeStack.class, OutputCaptureExtension.class})
class CustomerDataInLogsEndToEndTests {

    /** Phone numbers no other whole-stack test uses. */
    static final String MOBILE = "13700137001";
    static final String LANDLINE = "0531-87654321";
    static final Duration PATIENCE = Duration.ofSeconds(90);

    static LocalStack stack;
    static ClosedLoopApi api;

    @BeforeAll
    static void useTheSharedStack(LocalStack shared) {
        stack = shared;
        api = new ClosedLoopApi(stack);
    }

    @Test
    void logsNoPhoneNumberOfACustomerAtAnyLevelWhileTheWholeLoopRuns(CapturedOutput output) {
        try (LogScan log = LogScan.start(Map.of("closedloop", Level.DEBUG,
                "reactor.netty.http.server.AccessLog", Level.INFO))) {
            runTheLoop();

            log.assertNoPhoneNumber(List.of(MOBILE, LANDLINE), output.getAll(), List.of(
                    "reactor.netty.http.server.AccessLog",
                    "closedloop.notification.message.delivery.Deliveries"));
        }
    }

    private static void runTheLoop() {
        String first = api.register("BILLING", "Lixia", MOBILE);
        String repeat = api.register("BILLING", "Lixia", MOBILE);
        assertThat(api.customerHistory(MOBILE).get("total").asInt()).isEqualTo(2);
        refusedWithThePhoneInTheUrl("complaint-intake", "/api/v1/complaints?phone=" + MOBILE);
        refusedWithThePhoneInTheUrl("notification-service", "/api/v1/messages?recipient=" + MOBILE);

        api.smsGatewayOutage(true);
        String landline;
        try {
            landline = api.register("NETWORK_QUALITY", "Shizhong", LANDLINE);
            await().atMost(PATIENCE).until(() -> list(api.messages(landline)).stream()
                    .anyMatch(message -> message.get("purpose").asText().equals("REGISTRATION_ACK")
                            && message.get("status").asText().equals("PENDING")
                            && message.get("attempts").asInt() > 0));
        } finally {
            api.smsGatewayOutage(false);
        }

        JsonNode ticket = await().atMost(PATIENCE).until(() -> list(api.tickets(first)), tickets -> !tickets.isEmpty())
                .get(0);
        api.accept(ticket.get("id").asText());
        api.resolve(ticket.get("id").asText());
        String callbackId = await().atMost(PATIENCE)
                .until(() -> list(api.openCallbacks(first)), callbacks -> callbacks.size() == 1).get(0).get("id").asText();
        api.recordCall(callbackId, "REACHED");
        api.recordCallback(callbackId, "SATISFIED");

        await().atMost(PATIENCE).until(() -> api.complaint(first).get("status").asText(), "CLOSED"::equals);
        await().atMost(PATIENCE).until(() -> list(api.escalations(landline)).size() == 2);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(list(api.messagesTo(MOBILE)))
                .extracting(message -> message.get("purpose").asText() + " " + message.get("status").asText())
                .contains("REGISTRATION_ACK SENT", "RESOLUTION_NOTICE SENT", "CLOSURE_NOTICE SENT")
                // the repeat within ten minutes is not acknowledged again: recorded as SUPPRESSED, never sent
                .allMatch(purposeAndStatus -> purposeAndStatus.endsWith(" SENT")
                        || purposeAndStatus.equals("REGISTRATION_ACK SUPPRESSED")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(list(api.messagesTo(LANDLINE.replace("-", ""))))
                .singleElement().satisfies(ack -> assertThat(ack.get("status").asText()).isEqualTo("SENT")));
        assertThat(list(api.messages(repeat))).isNotEmpty();
    }

    /** A client that puts a phone in a URL anyway is refused; the access log still shows the phone masked. */
    private static void refusedWithThePhoneInTheUrl(String service, String uri) {
        WebTestClient.bindToServer().baseUrl(stack.url(service)).build()
                .get().uri(uri).headers(new DemoTokens(stack.issuerUrl()).as(DemoTokens.SUPERVISOR)).exchange()
                .expectStatus().isBadRequest();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
