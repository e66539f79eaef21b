package closedloop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the embedded default keeps its data and which loopback ports it serves on, the demo outbox's included.
 *
 * @param dataDir             the folder for the Kafka log and the MongoDB store file; kept across restarts
 * @param kafkaPort           the broker's client port
 * @param kafkaControllerPort the KRaft controller's port
 * @param mongoPort           the MongoDB wire-protocol port
 * @param smtpPort            the demo outbox's SMTP server; 0 picks a free one
 * @param smsGatewayPort      the demo outbox's SMS gateway and mail list (HTTP); 0 picks a free one
 * @param servicePorts        HTTP port per service name, for {@code web-console} and {@code identity-issuer}; 0
 *                            picks a free one
 * @param properties          further Spring properties given to every service
 */
public record LocalStackSettings(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                                 int smtpPort, int smsGatewayPort, Map<String, Integer> servicePorts,
                                 Map<String, Object> properties) {

    /** The variable that sets each service's port. */
    private static final Map<String, String> SERVICE_PORT_VARIABLES = Map.of("identity-issuer",
            "CLOSEDLOOP_ISSUER_PORT", "web-console", "CLOSEDLOOP_CONSOLE_PORT", "complaint-intake",
            "CLOSEDLOOP_INTAKE_PORT", "ticket-router", "CLOSEDLOOP_ROUTER_PORT", "escalation-service",
            "CLOSEDLOOP_ESCALATION_PORT", "notification-service", "CLOSEDLOOP_NOTIFICATION_PORT");

    /** Each service's default port. */
    private static final Map<String, Integer> DEFAULT_SERVICE_PORTS = Map.of("identity-issuer", 9000,
            "web-console", 8080, "complaint-intake", 8081, "ticket-router", 8082, "escalation-service", 8083,
            "notification-service", 8084);

    /** The defaults of the run command, each overridable by an environment variable. */
    public static LocalStackSettings fromEnvironment(Map<String, String> env) {
        return new LocalStackSettings(
                Path.of(env.getOrDefault("CLOSEDLOOP_DATA_DIR", "data")),
                port(env, "CLOSEDLOOP_KAFKA_PORT", 19092),
                port(env, "CLOSEDLOOP_KAFKA_CONTROLLER_PORT", 19093),
                port(env, "CLOSEDLOOP_MONGO_PORT", 27017),
                port(env, "CLOSEDLOOP_SMTP_PORT", 3025),
                port(env, "CLOSEDLOOP_SMS_GATEWAY_PORT", 8085),
                servicePorts(env),
                Map.of());
    }

    /**
     * The environment that gives {@link #fromEnvironment} these settings back (but {@code properties}): what a part of
     * the split-process mode is started with.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLOSEDLOOP_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("CLOSEDLOOP_KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("CLOSEDLOOP_KAFKA_CONTROLLER_PORT", String.valueOf(kafkaControllerPort));
        env.put("CLOSEDLOOP_MONGO_PORT", String.valueOf(mongoPort));
        env.put("CLOSEDLOOP_SMTP_PORT", String.valueOf(smtpPort));
        env.put("CLOSEDLOOP_SMS_GATEWAY_PORT", String.valueOf(smsGatewayPort));
        SERVICE_PORT_VARIABLES.forEach((service, variable) ->
                env.put(variable, String.valueOf(servicePorts.getOrDefault(service, 0))));
        return env;
    }

    /** These settings with a free port wherever they say 0, so that separate processes can know each other's. */
    public LocalStackSettings withFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICE_PORT_VARIABLES.keySet().forEach(service -> ports.put(service,
                orFree(servicePorts.getOrDefault(service, 0))));
        return new LocalStackSettings(dataDir, orFree(kafkaPort), orFree(kafkaControllerPort), orFree(mongoPort),
                orFree(smtpPort), orFree(smsGatewayPort), ports, properties);
    }

    /** The port, or a free one where it is 0. */
    static int orFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> servicePorts(Map<String, String> env) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICE_PORT_VARIABLES.forEach((service, variable) ->
                ports.put(service, port(env, variable, DEFAULT_SERVICE_PORTS.get(service))));
        return Map.copyOf(ports);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, String.valueOf(fallback)));
    }
}
