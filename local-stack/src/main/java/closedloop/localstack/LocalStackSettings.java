package closedloop.localstack;

import java.nio.file.Path;
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

    /** The defaults of the run command, each overridable by an environment variable. */
    public static LocalStackSettings fromEnvironment(Map<String, String> env) {
        return new LocalStackSettings(
                Path.of(env.getOrDefault("CLOSEDLOOP_DATA_DIR", "data")),
                port(env, "CLOSEDLOOP_KAFKA_PORT", 19092),
                port(env, "CLOSEDLOOP_KAFKA_CONTROLLER_PORT", 19093),
                port(env, "CLOSEDLOOP_MONGO_PORT", 27017),
                port(env, "CLOSEDLOOP_SMTP_PORT", 3025),
                port(env, "CLOSEDLOOP_SMS_GATEWAY_PORT", 8085),
                Map.of("identity-issuer", port(env, "CLOSEDLOOP_ISSUER_PORT", 9000),
                        "web-console", port(env, "CLOSEDLOOP_CONSOLE_PORT", 8080),
                        "complaint-intake", port(env, "CLOSEDLOOP_INTAKE_PORT", 8081),
                        "ticket-router", port(env, "CLOSEDLOOP_ROUTER_PORT", 8082),
                        "escalation-service", port(env, "CLOSEDLOOP_ESCALATION_PORT", 8083),
                        "notification-service", port(env, "CLOSEDLOOP_NOTIFICATION_PORT", 8084)),
                Map.of());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, String.valueOf(fallback)));
    }
}
