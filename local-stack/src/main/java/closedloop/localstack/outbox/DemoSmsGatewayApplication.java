package closedloop.localstack.outbox;

import closedloop.notification.callback.web.SmsReplySignatureFilter;

import java.time.Clock;
import java.util.Map;

/**
 * The demo SMS gateway as a process of its own, the {@code sms-gateway} container of docker-compose (the image's
 * {@code sms-gateway} target). Its settings come from the environment:
 * <ul>
 *   <li>{@code CLOSEDLOOP_SMS_GATEWAY_PORT}: the HTTP port, 8085 as on the embedded default;</li>
 *   <li>{@code CLOSEDLOOP_NOTIFICATION_URL}: where notification-service answers, e.g.
 *       {@code http://notification-service:8084}; customers' replies go to its {@code /api/v1/sms/replies};</li>
 *   <li>{@code CLOSEDLOOP_NOTIFICATION_SMSREPLY_SECRET}: the secret the replies are signed with, the same variable
 *       (and value) that sets notification-service's {@code closedloop.notification.sms-reply.secret}.</li>
 * </ul>
 */
public final class DemoSmsGatewayApplication {

    static final String PORT = "CLOSEDLOOP_SMS_GATEWAY_PORT";
    static final String NOTIFICATION_URL = "CLOSEDLOOP_NOTIFICATION_URL";
    static final String SECRET = "CLOSEDLOOP_NOTIFICATION_SMSREPLY_SECRET";

    private DemoSmsGatewayApplication() {
    }

    public static void main(String[] args) {
        DemoSmsGateway gateway = start(System.getenv(), "0.0.0.0");
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "sms-gateway-shutdown"));
        System.out.println("Demo SMS gateway listening on port " + gateway.port());
        gateway.awaitShutdown();
    }

    /** Starts the gateway as the environment says; a secret or address it needs and is not given stops it. */
    static DemoSmsGateway start(Map<String, String> env, String host) {
        int port = Integer.parseInt(env.getOrDefault(PORT, "8085"));
        return DemoSmsGateway.start(host, port, Clock.systemUTC(),
                withoutTrailingSlash(required(env, NOTIFICATION_URL)) + SmsReplySignatureFilter.PATH,
                required(env, SECRET));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + name + " (see DemoSmsGatewayApplication)");
        }
        return value;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
