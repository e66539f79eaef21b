package closedloop.localstack;

import closedloop.console.WebConsoleApplication;
import closedloop.escalation.EscalationServiceApplication;
import closedloop.intake.ComplaintIntakeApplication;
import closedloop.issuer.IdentityIssuerApplication;
import closedloop.localstack.outbox.DemoOutbox;
import closedloop.notification.NotificationServiceApplication;
import closedloop.notification.callback.web.SmsReplySignatureFilter;
import closedloop.router.TicketRouterApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole system in one process: a Kafka broker, a durable MongoDB-wire store and the four services, each in its
 * own Spring application context with its own database, talking only through Kafka as they do in production; the web
 * console in front of them; and the demo outbox, the SMTP server and SMS gateway that notification-service sends its
 * messages to.
 */
public final class LocalStack implements AutoCloseable {

    /** The secret notification-service checks their signatures with; the demo gateway signs with the same. */
    static final String SMS_REPLY_SECRET = "closedloop.notification.sms-reply.secret";

    /** The services in start order, each with how to build its application. */
    static final Map<String, Supplier<SpringApplication>> SERVICES = services();

    private final KafkaBroker kafka;
    private final DurableMongoServer mongo;
    private final DemoOutbox outbox;
    private final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
    private final int issuerPort;
    private final int consolePort;

    private LocalStack(LocalStackSettings settings) {
        kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        mongo = DurableMongoServer.start(settings.dataDir().resolve("mongo").resolve("closedloop.mv"), settings.mongoPort());
        outbox = DemoOutbox.start(settings.smtpPort(), settings.smsGatewayPort(), Clock.systemUTC());
        // the issuer names the console's address in its redirect URIs, and the console and services the issuer's
        issuerPort = portOf(settings, IdentityIssuerApplication.NAME);
        consolePort = portOf(settings, WebConsoleApplication.NAME);
        contexts.put(IdentityIssuerApplication.NAME,
                IdentityIssuerApplication.application().run(issuerArguments(settings, issuerPort, consolePort)));
        Wiring wiring = new Wiring(kafka.bootstrapServers(), mongo.uri(), issuerUrl(), outbox.smtpPort(),
                outbox.smsGatewayUrl());
        SERVICES.forEach((name, application) -> contexts.put(name,
                SharedClasspath.reactive(application.get()).run(arguments(settings, name, wiring))));
        outbox.forwardRepliesTo(url(NotificationServiceApplication.NAME) + SmsReplySignatureFilter.PATH, contexts
                .get(NotificationServiceApplication.NAME).getEnvironment().getRequiredProperty(SMS_REPLY_SECRET));
        contexts.put(WebConsoleApplication.NAME,
                SharedClasspath.reactive(WebConsoleApplication.application()).run(consoleArguments(settings,
                        serviceUrls(), consolePort, issuerUrl())));
    }

    /** Starts everything; returns once every service serves HTTP. */
    public static LocalStack start(LocalStackSettings settings) {
        return new LocalStack(settings);
    }

    /** The OpenID Connect issuer's address, e.g. {@code http://localhost:9000}: where people sign in. */
    public String issuerUrl() {
        return "http://localhost:" + issuerPort;
    }

    /** The web console's address, e.g. {@code http://localhost:8080}: the one the people open. */
    public String consoleUrl() {
        return url(WebConsoleApplication.NAME);
    }

    /** The base address of a service or the console, e.g. {@code http://localhost:8081}. */
    public String url(String service) {
        return "http://localhost:" + contexts.get(service).getEnvironment().getProperty("local.server.port");
    }

    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        contexts.keySet().forEach(name -> urls.put(name, url(name)));
        return urls;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.uri();
    }

    /** The demo outbox: what notification-service sent by SMS and by mail. */
    public DemoOutbox outbox() {
        return outbox;
    }

    /** The application context of one service, for tests that look inside. */
    public ConfigurableApplicationContext context(String service) {
        return contexts.get(service);
    }

    /** Stops the services in reverse order, then the demo outbox, the store and the broker. */
    @Override
    public void close() {
        List<ConfigurableApplicationContext> running = new ArrayList<>(contexts.values());
        java.util.Collections.reverse(running);
        running.forEach(ConfigurableApplicationContext::close);
        outbox.close();
        mongo.close();
        kafka.close();
    }

    /**
     * Where a service finds the rest of the stack: the broker, the store, the issuer and the demo outbox.
     *
     * @param kafkaBootstrapServers the broker, e.g. {@code 127.0.0.1:19092}
     * @param mongoUri              the store, e.g. {@code mongodb://127.0.0.1:27017}
     * @param issuerUrl             the issuer, e.g. {@code http://localhost:9000}
     * @param smtpPort              the demo outbox's SMTP port on the loopback address
     * @param smsGatewayUrl         where the demo SMS gateway takes messages
     */
    record Wiring(String kafkaBootstrapServers, String mongoUri, String issuerUrl, int smtpPort,
                  String smsGatewayUrl) {
    }

    /** A service's arguments: its port from the settings (0: a free one), wired to the rest of the stack. */
    static String[] arguments(LocalStackSettings settings, String service, Wiring wiring) {
        Map<String, Object> properties = new HashMap<>();
        // the console's gateway is on the shared classpath; only the console routes
        properties.put("spring.cloud.gateway.server.webflux.enabled", false);
        if (service.equals(NotificationServiceApplication.NAME)) {
            // where notification-service sends mail and SMS: the demo outbox (a test's properties may point elsewhere)
            properties.putAll(Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", wiring.smtpPort(),
                    "closedloop.notification.sms.url", wiring.smsGatewayUrl()));
        }
        // one instance of each service: its name is stable, so its listeners are static members of their groups and
        // its outbox relay takes back at once what it had claimed before a crash
        properties.put("closedloop.kafka.instance-id", service);
        properties.putAll(settings.properties());
        properties.put("server.port", settings.servicePorts().getOrDefault(service, 0));
        properties.put("spring.kafka.bootstrap-servers", wiring.kafkaBootstrapServers());
        properties.put("spring.data.mongodb.uri", wiring.mongoUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", wiring.issuerUrl());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", wiring.issuerUrl() + "/oauth2/jwks");
        properties.put("closedloop.kafka.replication-factor", 1);
        properties.put("spring.main.banner-mode", "off");
        // the stack closes the services itself, before the store and the broker they need
        properties.put("spring.main.register-shutdown-hook", false);
        return asArguments(properties);
    }

    /** The console's arguments: it routes to the services where they answer. */
    static String[] consoleArguments(LocalStackSettings settings, Map<String, String> serviceUrls, int consolePort,
                                     String issuerUrl) {
        Map<String, Object> properties = new HashMap<>(settings.properties());
        serviceUrls.forEach((service, url) -> properties.put("closedloop.console.services." + service, url));
        properties.put("server.port", consolePort);
        properties.put("closedloop.console.issuer.url", issuerUrl);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.register-shutdown-hook", false);
        return asArguments(properties);
    }

    /** The issuer on its port, with its signing key in the data folder, sending people back to the console. */
    static String[] issuerArguments(LocalStackSettings settings, int issuerPort, int consolePort) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", issuerPort);
        properties.put("closedloop.issuer.url", "http://localhost:" + issuerPort);
        properties.put("closedloop.issuer.key-file", settings.dataDir().resolve("issuer").resolve("signing-key.json"));
        properties.put("closedloop.issuer.console.url", "http://localhost:" + consolePort);
        // the services' API descriptions (springdoc) are on the shared classpath; the issuer has none to give
        properties.put("springdoc.api-docs.enabled", false);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.register-shutdown-hook", false);
        return asArguments(properties);
    }

    private Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        SERVICES.keySet().forEach(service -> urls.put(service, url(service)));
        return urls;
    }

    /** The port the settings give an application, or a free one where they give 0. */
    private static int portOf(LocalStackSettings settings, String application) {
        return LocalStackSettings.orFree(settings.servicePorts().getOrDefault(application, 0));
    }

    private static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
    }

    private static Map<String, Supplier<SpringApplication>> services() {
        Map<String, Supplier<SpringApplication>> services = new LinkedHashMap<>();
        services.put(ComplaintIntakeApplication.NAME, ComplaintIntakeApplication::application);
        services.put(TicketRouterApplication.NAME, TicketRouterApplication::application);
        services.put(EscalationServiceApplication.NAME, EscalationServiceApplication::application);
        services.put(NotificationServiceApplication.NAME, NotificationServiceApplication::application);
        return services;
    }
}
