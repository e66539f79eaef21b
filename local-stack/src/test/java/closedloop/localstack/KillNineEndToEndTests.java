package closedloop.localstack;

import closedloop.testsupport.FreePorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the run command's entry point as its own process, kills it with SIGKILL right after a burst of registrations,
 * starts it again on the same data folder and finds every complaint that got a 201, with its ticket.
 */
class KillNineEndToEndTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> ports = Stream.of("CLOSEDLOOP_ISSUER_PORT", "CLOSEDLOOP_CONSOLE_PORT",
                    "CLOSEDLOOP_INTAKE_PORT", "CLOSEDLOOP_ROUTER_PORT", "CLOSEDLOOP_ESCALATION_PORT",
                    "CLOSEDLOOP_NOTIFICATION_PORT", "CLOSEDLOOP_KAFKA_PORT", "CLOSEDLOOP_KAFKA_CONTROLLER_PORT",
                    "CLOSEDLOOP_MONGO_PORT", "CLOSEDLOOP_SMTP_PORT", "CLOSEDLOOP_SMS_GATEWAY_PORT")
            .collect(Collectors.toUnmodifiableMap(name -> name, name -> String.valueOf(FreePorts.next())));
    /** Got before the kill and used after it too: the issuer's key is kept in the data folder. */
    private DemoTokens tokens;
    private Process stack;

    @AfterEach
    void stopWhateverRuns() {
        if (stack != null) {
            stack.destroyForcibly();
        }
    }

    @Test
    void losesNoAcknowledgedComplaintWhenKilledWithSigkill() throws Exception {
        stack = startStack();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acknowledged.add(register(i));
        }
        stack.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        stack = startStack();
        for (String id : acknowledged) {
            assertThat(get(intake() + "/api/v1/complaints/" + id).statusCode()).as("complaint %s", id).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : acknowledged) {
                JsonNode tickets = JSON.readTree(get(router() + "/api/v1/tickets?complaintId=" + id).body());
                assertThat(tickets).as("tickets of %s", id).hasSize(1);
            }
        });
    }

    private Process startStack() throws IOException {
        // C1 only and the serial collector, as the split mode's parts and the chaos run's: the stack starts twice, on
        // a build machine's few cores, and serves only a burst of registrations; with the tiered code cache (C1 only
        // would shrink it to 48 MB, small for the whole stack in one JVM)
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LocalStackApplication.class.getName())
                .redirectErrorStream(true);
        builder.environment().putAll(ports);
        builder.environment().put("CLOSEDLOOP_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("Closed Loop is up")) {
                        up.complete(null);
                    }
                }
                up.completeExceptionally(new IllegalStateException("The stack exited before it was up"));
            } catch (IOException e) {
                up.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        up.orTimeout(180, TimeUnit.SECONDS).join();
        return process;
    }

    private String register(int i) throws Exception {
        String body = JSON.writeValueAsString(Map.of("channel", "HOTLINE", "category", "BILLING", "district", "Lixia",
                "customer", Map.of("name", "Customer " + i, "phone", "1380013" + String.format("%04d", i)),
                "description", "Charged twice, call " + i));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intake() + "/api/v1/complaints"))
                .header("Authorization", "Bearer " + tokens().token(DemoTokens.AGENT))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + tokens().token(DemoTokens.SUPERVISOR)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private DemoTokens tokens() {
        if (tokens == null) {
            tokens = new DemoTokens("http://localhost:" + ports.get("CLOSEDLOOP_ISSUER_PORT"));
        }
        return tokens;
    }

    private String intake() {
        return "http://localhost:" + ports.get("CLOSEDLOOP_INTAKE_PORT");
    }

    private String router() {
        return "http://localhost:" + ports.get("CLOSEDLOOP_ROUTER_PORT");
    }
}
