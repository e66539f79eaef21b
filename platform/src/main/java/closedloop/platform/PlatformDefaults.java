package closedloop.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Settings every service shares, as the lowest-priority property source: a service's own configuration and the
 * environment override each of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    /** Spring Boot's setting of how many requests one HTTP connection to the service may carry. */
    public static final String ONE_REQUEST_PER_CONNECTION = "server.netty.max-keep-alive-requests";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.producer.properties.linger.ms", "2"),
            Map.entry("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            Map.entry("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
            Map.entry("spring.kafka.consumer.properties.partition.assignment.strategy",
                    "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"),
            // the offsets of a poll's records are committed once all of them are handled, not one commit (a blocking
            // round trip to the broker) per record; handlers are idempotent, so a crash mid-poll only repeats records
            Map.entry("spring.kafka.listener.ack-mode", "batch"),
            Map.entry("spring.webflux.problemdetails.enabled", "true"),
            // a request body larger than this is refused with 413 problem+json
            Map.entry("spring.codec.max-in-memory-size", "256KB"),
            Map.entry("spring.data.mongodb.auto-index-creation", "true"),
            Map.entry("spring.jackson.serialization.write-dates-as-timestamps", "false"),
            // the embedded default's issuer; deployments set both (the key URL may use an internal host name)
            Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://localhost:9000"),
            Map.entry("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://localhost:9000/oauth2/jwks"),
            Map.entry("spring.security.oauth2.resourceserver.jwt.audiences", "closedloop"),
            // a line per HTTP request (reactor.netty.http.server.AccessLog), phone numbers masked
            Map.entry("closedloop.access-log", "false"),
            // one request per HTTP connection (the answer says "Connection: close"): Reactor Netty 1.2.18 stops reading
            // a kept-alive connection after a request it held back while the previous one was finishing, so the
            // caller's next request on it is never answered (reactor/reactor-netty#4361, fixed after 1.2.18;
            // KeepAliveStallUnitTests fails once the version in use no longer needs this)
            Map.entry(ONE_REQUEST_PER_CONNECTION, "1"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
            // each service describes its API at /v3/api-docs, on purpose and without a token (closedloop.platform.api);
            // the Swagger UI is the console's
            Map.entry("springdoc.api-docs.enabled", "true"),
            Map.entry("springdoc.swagger-ui.enabled", "false"),
            // a record of query parameters (a search's criteria) is described as its parameters, not as one object
            Map.entry("springdoc.default-flat-param-object", "true"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            // every meter names its service, so that one dashboard shows them side by side (docs/observability.md)
            Map.entry("management.metrics.tags.application", "${spring.application.name}"),
            // traces: every request and record is sampled unless a deployment lowers it; spans leave over OTLP only
            // where management.otlp.tracing.endpoint is set, so nothing waits on a collector that is not there
            Map.entry("management.tracing.sampling.probability", "1.0"),
            // the relay's producer and every listener container trace their records: traceparent rides in the headers
            Map.entry("spring.kafka.template.observation-enabled", "true"),
            Map.entry("spring.kafka.listener.observation-enabled", "true"),
            // the trace and the complaint id follow a reactive pipeline from thread to thread, into the log lines
            Map.entry("spring.reactor.context-propagation", "auto"));

    /** The shared defaults, for the tests that hold the deployment files to what the services need. */
    public static Map<String, Object> defaults() {
        return DEFAULTS;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("closedloop-platform-defaults", DEFAULTS));
    }
}
