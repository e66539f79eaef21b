package closedloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring component checked by the tools that will read it: Prometheus' promtool validates the rule file and
 * runs its unit tests (a DLT receiving a record fires, a minute-old outbox fires, an open breaker fires, level-2
 * escalations jumping after a quiet day fire), and
 * {@code kubectl kustomize} renders the component under a parent, as an overlay includes it. Each is skipped where its
 * tool is not installed; {@code .ci/run} installs them.
 */
class MonitoringIntegrationTests {

    private static final Path MONITORING = RepositoryFiles.path(MonitoringUnitTests.MONITORING);

    @Test
    @EnabledIf("promtoolInstalled")
    void promtoolAcceptsTheAlertRules() {
        Result check = run(MONITORING, "promtool", "check", "rules", "alert-rules.yml");

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + MonitoringUnitTests.alerts().size() + " rules found");
    }

    @Test
    @EnabledIf("promtoolInstalled")
    void theAlertsFireOnTheSeriesOfTheirUnitTests() {
        Result test = run(MONITORING, "promtool", "test", "rules", "alert-rules.test.yml");

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    @EnabledIf("kubectlInstalled")
    void kustomizeRendersTheComponentUnderAParent() throws IOException {
        Path parent = Files.createDirectories(RepositoryFiles.path("deploy/target/monitoring-parent"));
        Files.writeString(parent.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                components:
                  - ../../../k8s/components/monitoring
                """);

        Result render = run(parent, "kubectl", "kustomize", ".");

        assertThat(render.exitCode()).as(render.output()).isZero();
        List<JsonNode> documents = RepositoryFiles.yamlDocuments(render.output());
        assertThat(documents).extracting(document -> document.path("kind").asText())
                .containsOnly("ConfigMap", "PrometheusRule", "ServiceMonitor")
                .filteredOn("ServiceMonitor"::equals).hasSize(Deployable.values().length);
        JsonNode dashboard = documents.stream().filter(document -> document.path("kind").asText().equals("ConfigMap"))
                .findFirst().orElseThrow();
        assertThat(dashboard.path("metadata").path("name").asText()).isEqualTo("closed-loop-dashboard");
        assertThat(dashboard.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        assertThat(new ObjectMapper().readTree(dashboard.path("data").path("closed-loop.json").asText()))
                .isEqualTo(MonitoringUnitTests.dashboard());
    }

    static boolean promtoolInstalled() {
        return installed("promtool", "--version");
    }

    static boolean kubectlInstalled() {
        return installed("kubectl", "version", "--client");
    }

    private static boolean installed(String... command) {
        try {
            return run(RepositoryFiles.ROOT, command).exitCode() == 0;
        } catch (UncheckedIOException notThere) {
            return false;
        }
    }

    private static Result run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
