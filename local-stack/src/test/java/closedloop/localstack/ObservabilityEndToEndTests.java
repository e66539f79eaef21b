package closedloop.localstack;

import closedloop.issuer.IdentityIssuerApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators watch, on the embedded default: one registration is one trace through the services it reaches, and
 * the dashboard and the alert rules of {@code k8s/components/monitoring/} query only metrics the services really
 * expose on {@code /actuator/prometheus} once a complaint went round the loop (docs/observability.md).
 */
@ExtendWith(WholeStack.class)
class ObservabilityEndToEndTests {

    private static final Path MONITORING = Path.of("..", "k8s", "components", "monitoring").toAbsolutePath().normalize();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][\\w:]*)[{ ]", Pattern.MULTILINE);

    static LocalStack stack;
    static ClosedLoopApi api;

    @BeforeAll
    static void useTheSharedStack(LocalStack shared) {
        stack = shared;
        api = new ClosedLoopApi(stack);
    }

    @Test
    void tracesARegistrationThroughIntakeRouterAndEscalationAsOneTrace() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        for (String service : List.of("complaint-intake", "ticket-router", "escalation-service")) {
            assertThat(stack.context(service).getBeansOfType(SpanExporter.class)).as(service).isNotEmpty();
            assertThat(stack.context(service).getBeansOfType(Tracer.class)).as(service).isNotEmpty();
        }

        api.registerInTrace("BILLING", "Lixia", "13800138061", traceparent);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(CapturedSpans.ofTrace(traceId))
                .as(CapturedSpans::describe)
                .extracting(CapturedSpans::service)
                .contains("complaint-intake", "ticket-router", "escalation-service"));
        List<SpanData> trace = CapturedSpans.ofTrace(traceId);
        assertThat(trace).filteredOn(span -> CapturedSpans.service(span).equals("ticket-router"))
                .extracting(span -> span.getName())
                .anySatisfy(name -> assertThat(name).contains("intake.complaint"));
        assertThat(trace).filteredOn(span -> CapturedSpans.service(span).equals("escalation-service"))
                .extracting(span -> span.getName())
                .anySatisfy(name -> assertThat(name).contains("router.ticket"));
    }

    @Test
    void theDashboardAndTheAlertsQueryOnlyMetricsTheServicesExposeOnceAComplaintWentRoundTheLoop() {
        closeOneComplaintAndEscalateAnother();
        Set<String> queried = new TreeSet<>();
        dashboardQueries().forEach(query -> queried.addAll(PromQl.metricNames(query)));
        alertQueries().forEach(query -> queried.addAll(PromQl.metricNames(query)));
        assertThat(queried).contains("closedloop_complaints_registered_total", "closedloop_dead_letters_total",
                "kafka_consumer_fetch_manager_records_lag_max");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(exposed()).containsAll(queried));
        // the counters count what the relays published: one closure, one resolved ticket, one level-2 escalation
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(scrape("complaint-intake"))
                    .containsPattern("(?m)^closedloop_complaints_time_to_close_seconds_count\\{[^}]*} [1-9]");
            assertThat(scrape("ticket-router")).containsPattern(
                    "(?m)^closedloop_tickets_total\\{[^}]*action=\"resolved\"[^}]*branch=\"LIXIA-01\"[^}]*} [1-9]");
            assertThat(scrape("escalation-service"))
                    .containsPattern("(?m)^closedloop_sla_escalations_total\\{[^}]*level=\"2\"[^}]*} [1-9]");
        });
    }

    /** Drives one complaint to its closure and one network-quality complaint up two escalation levels. */
    private static void closeOneComplaintAndEscalateAnother() {
        String escalated = api.register("NETWORK_QUALITY", "Shizhong", "13800138062");
        String closed = api.register("BILLING", "Lixia", "13800138063");
        JsonNode ticket = await().atMost(Duration.ofSeconds(30))
                .until(() -> list(api.tickets(closed)), tickets -> tickets.size() == 1).get(0);
        api.accept(ticket.get("id").asText());
        api.resolve(ticket.get("id").asText());
        String callbackId = await().atMost(Duration.ofSeconds(30))
                .until(() -> list(api.openCallbacks(closed)), callbacks -> callbacks.size() == 1)
                .get(0).get("id").asText();
        api.recordCallback(callbackId, "SATISFIED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.complaint(closed).get("status").asText()).isEqualTo("CLOSED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.escalations(escalated)).hasSize(2));
    }

    /** The name of every sample the four services and the console expose now. */
    private static Set<String> exposed() {
        Set<String> names = new TreeSet<>();
        stack.urls().keySet().forEach(application -> {
            if (application.equals(IdentityIssuerApplication.NAME)) {
                return;
            }
            Matcher sample = SAMPLE.matcher(scrape(application));
            while (sample.find()) {
                names.add(sample.group(1));
            }
        });
        return names;
    }

    /** What an application serves on {@code /actuator/prometheus} now. */
    private static String scrape(String application) {
        return WebTestClient.bindToServer().baseUrl(stack.url(application))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static List<String> dashboardQueries() {
        try {
            JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("dashboards/closed-loop.json").toFile());
            List<String> queries = new ArrayList<>();
            dashboard.path("panels").forEach(panel -> panel.path("targets")
                    .forEach(target -> queries.add(target.path("expr").asText())));
            assertThat(queries).isNotEmpty();
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertQueries() {
        try (Reader file = Files.newBufferedReader(MONITORING.resolve("alert-rules.yml"))) {
            Map<String, Object> rules = new Yaml().load(file);
            List<String> queries = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    queries.add((String) rule.get("expr"));
                }
            }
            assertThat(queries).isNotEmpty();
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
