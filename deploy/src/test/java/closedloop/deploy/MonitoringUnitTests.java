package closedloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring component's files ({@code k8s/components/monitoring/}) read and held to each other and to the
 * deployables: the PrometheusRule carries exactly the plain rule file's groups, every alert says how bad it is and what
 * it means, every deployable is scraped, and the dashboard reads from the one Prometheus datasource.
 */
class MonitoringUnitTests {

    static final String MONITORING = "k8s/components/monitoring/";

    @Test
    void thePrometheusRuleHoldsTheSameGroupsAsThePlainRuleFile() {
        JsonNode plain = RepositoryFiles.yaml(RepositoryFiles.path(MONITORING + "alert-rules.yml"));
        JsonNode custom = RepositoryFiles.yaml(RepositoryFiles.path(MONITORING + "prometheus-rule.yaml"));

        assertThat(custom.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(custom.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(plain.path("groups").size()).isPositive();
        assertThat(custom.path("spec").path("groups")).isEqualTo(plain.path("groups"));
    }

    @Test
    void everyAlertWaitsBeforeFiringAndSaysHowBadItIsAndWhatItMeans() {
        List<JsonNode> alerts = alerts();

        assertThat(alerts).extracting(alert -> alert.path("alert").asText()).containsExactlyInAnyOrder(
                "ClosedLoopDeadLetters", "ClosedLoopListenerHeld", "ClosedLoopOutboxBehind", "ClosedLoopConsumerLagGrowing",
                "ClosedLoopBreakerOpen", "ClosedLoopDeliveryFailures", "ClosedLoopLevel2EscalationsJump",
                "ClosedLoopCalendarMissing");
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.path("for").asText()).matches("\\d+[smh]");
            assertThat(alert.path("labels").path("severity").asText()).isIn("warning", "critical");
            assertThat(alert.path("annotations").path("summary").asText()).isNotBlank();
            assertThat(alert.path("annotations").path("description").asText()).isNotBlank();
        });
    }

    @Test
    void everyDeployableIsScrapedOnItsHttpPortAtItsPrometheusEndpoint() {
        List<JsonNode> monitors = RepositoryFiles.yamlDocuments(
                RepositoryFiles.read(RepositoryFiles.path(MONITORING + "service-monitors.yaml")));

        assertThat(monitors).allSatisfy(monitor -> {
            assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
            assertThat(monitor.path("kind").asText()).isEqualTo("ServiceMonitor");
            assertThat(monitor.path("spec").path("endpoints")).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.path("port").asText()).isEqualTo("http");
                assertThat(endpoint.path("path").asText()).isEqualTo("/actuator/prometheus");
            });
        });
        assertThat(monitors).extracting(monitor -> monitor.path("spec").path("selector").path("matchLabels")
                        .path("app.kubernetes.io/name").asText())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Deployable.values()).map(Deployable::module).toList());
    }

    @Test
    void theDashboardIsClosedLoopsAndEveryPanelQueriesThePrometheusDatasource() {
        JsonNode dashboard = dashboard();

        assertThat(dashboard.path("uid").asText()).isEqualTo("closed-loop");
        assertThat(dashboard.path("title").asText()).isEqualTo("Closed Loop");
        List<JsonNode> panels = queryPanels(dashboard);
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10).allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("prometheus");
            assertThat(panel.path("targets")).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
        });
    }

    @Test
    void theComponentBringsTheRuleTheMonitorsAndTheDashboardForGrafanasSidecar() {
        JsonNode component = RepositoryFiles.yaml(RepositoryFiles.path(MONITORING + "kustomization.yaml"));

        assertThat(component.path("kind").asText()).isEqualTo("Component");
        assertThat(component.path("resources")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("service-monitors.yaml", "prometheus-rule.yaml");
        assertThat(component.path("configMapGenerator")).singleElement().satisfies(generator -> {
            assertThat(generator.path("files")).extracting(JsonNode::asText).containsExactly("dashboards/closed-loop.json");
            assertThat(generator.path("options").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
            assertThat(generator.path("options").path("disableNameSuffixHash").asBoolean()).isTrue();
        });
    }

    /** Every alert of the plain rule file. */
    static List<JsonNode> alerts() {
        JsonNode plain = RepositoryFiles.yaml(RepositoryFiles.path(MONITORING + "alert-rules.yml"));
        List<JsonNode> alerts = new ArrayList<>();
        plain.path("groups").forEach(group -> group.path("rules").forEach(alerts::add));
        return alerts;
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(RepositoryFiles.path(MONITORING + "dashboards/closed-loop.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The panels that query (rows left out). */
    static List<JsonNode> queryPanels(JsonNode dashboard) {
        return StreamSupport.stream(dashboard.path("panels").spliterator(), false)
                .filter(panel -> !panel.path("type").asText().equals("row"))
                .toList();
    }
}
