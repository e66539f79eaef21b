package closedloop.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@code ./run-local --split} as the run command does, from this test's class path: the store, the broker, the
 * issuer, the demo outbox, the four services and the console each in a JVM of its own. A complaint registered at
 * complaint-intake becomes a ticket at its branch in ticket-router, through the broker and the store of other JVMs;
 * stopping the launcher stops every JVM it started.
 */
class SplitProcessEndToEndTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    /** The settings' own variables, a free port in each, as the launcher hands them to the parts. */
    private Map<String, String> ports;
    private final StringBuffer console = new StringBuffer();

    @BeforeEach
    void giveEveryPartAFreePort() {
        ports = new LocalStackSettings(dataDir, 0, 0, 0, 0, 0, Map.of(), Map.of()).withFreePorts().environment();
    }
    private Process launcher;

    @AfterEach
    void stopWhateverRuns() {
        if (launcher != null && launcher.isAlive()) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void runsEachPartInItsOwnJvmAndStopsThemAllWithTheLauncher() throws Exception {
        launcher = startSplitStack();
        List<ProcessHandle> parts = launcher.children().toList();
        assertThat(parts).as("the launcher's child JVMs").hasSize(StackPart.ALL.size());
        assertThat(console).contains("http://localhost:" + ports.get("CLOSEDLOOP_CONSOLE_PORT"),
                "127.0.0.1:" + ports.get("CLOSEDLOOP_KAFKA_PORT"), "agent-017");

        DemoTokens tokens = new DemoTokens("http://localhost:" + ports.get("CLOSEDLOOP_ISSUER_PORT"));
        String complaintId = register(tokens);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode tickets = JSON.readTree(get(tokens, "CLOSEDLOOP_ROUTER_PORT",
                    "/api/v1/tickets?complaintId=" + complaintId).body());
            assertThat(tickets).as("tickets of %s", complaintId).hasSize(1);
            assertThat(tickets.get(0).get("branch").asText()).isEqualTo("LIXIA-01");
        });

        launcher.destroy();
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher stopped").isTrue();
        assertThat(parts).as("every part stopped with the launcher").noneMatch(ProcessHandle::isAlive);
        try (Stream<Path> folders = Files.list(dataDir)) {
            assertThat(folders.map(path -> path.getFileName().toString()))
                    .as("the one-JVM mode's data folders, and the parts' logs")
                    .contains("kafka", "mongo", "issuer", "logs");
        }
    }

    private Process startSplitStack() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LocalStackApplication.class.getName(), "--split").redirectErrorStream(true);
        builder.environment().putAll(ports);
        // nine JVMs start on a build machine's few cores: C1 only and the serial collector, as the chaos run's parts
        builder.environment().put("CLOSEDLOOP_SPLIT_JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process process = builder.start();
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    console.append(line).append('\n');
                    if (line.startsWith("Closed Loop is up")) {
                        up.complete(null);
                    }
                }
                up.completeExceptionally(new IllegalStateException("The launcher exited before the stack was up:\n"
                        + console));
            } catch (IOException e) {
                up.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        up.orTimeout(180, TimeUnit.SECONDS).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> console.indexOf("Ctrl-C stops everything") >= 0);
        return process;
    }

    private String register(DemoTokens tokens) throws Exception {
        String body = JSON.writeValueAsString(Map.of("channel", "HOTLINE", "category", "BILLING", "district", "Lixia",
                "customer", Map.of("name", "Zhang Wei", "phone", "13800138000"),
                "description", "The bill shows a charge I did not order"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + ports.get("CLOSEDLOOP_INTAKE_PORT") + "/api/v1/complaints"))
                .header("Authorization", "Bearer " + tokens.token(DemoTokens.AGENT))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private HttpResponse<String> get(DemoTokens tokens, String port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(port) + path))
                        .header("Authorization", "Bearer " + tokens.token(DemoTokens.SUPERVISOR)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
