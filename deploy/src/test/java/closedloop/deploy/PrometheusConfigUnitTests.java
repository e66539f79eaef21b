package closedloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose's Prometheus ({@code deploy/prometheus/prometheus.yml}) scrapes every deployable where it answers. */
class PrometheusConfigUnitTests {

    static final String FILE = "deploy/prometheus/prometheus.yml";

    private final JsonNode config = RepositoryFiles.yaml(RepositoryFiles.path(FILE));

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void scrapesEveryDeployableAtItsPortAndActuatorPathNamedByItsApplication(Deployable deployable) {
        List<JsonNode> targets = new ArrayList<>();
        config.path("scrape_configs").forEach(job -> {
            if (job.path("metrics_path").asText().equals("/actuator/prometheus")) {
                job.path("static_configs").forEach(targets::add);
            }
        });

        assertThat(targets).filteredOn(group -> group.path("targets").toString()
                        .contains("\"" + deployable.module() + ":" + deployable.port() + "\""))
                .singleElement()
                .satisfies(group -> assertThat(group.path("labels").path("application").asText())
                        .isEqualTo(deployable.module()));
    }
}
