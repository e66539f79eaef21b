package closedloop.localstack.outbox;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.time.Clock;

/**
 * The demo SMS gateway on its own, without the demo outbox's SMTP server: the recording gateway notification-service
 * posts to and the forwarder of customers' replies, served over HTTP ({@link DemoOutboxRoutes#smsGateway}). It runs
 * as a container of its own in docker-compose, where Mailpit receives the mail ({@link DemoSmsGatewayApplication}).
 */
public final class DemoSmsGateway implements AutoCloseable {

    private final RecordingSmsGateway gateway;
    private final DisposableServer http;

    private DemoSmsGateway(String host, int port, Clock clock, SmsReplyForwarder replies) {
        gateway = new RecordingSmsGateway(clock);
        http = HttpServer.create().host(host).port(port)
                .handle(new ReactorHttpHandlerAdapter(
                        DemoOutboxRoutes.httpHandler(DemoOutboxRoutes.smsGateway(gateway, replies))))
                .bindNow();
    }

    /**
     * Starts the gateway, forwarding customers' replies to notification-service signed with the secret it checks.
     *
     * @param host       the address to listen on: {@code 0.0.0.0} in a container, {@code 127.0.0.1} in a test
     * @param port       the HTTP port; 0 picks a free one
     * @param repliesUrl notification-service's {@code POST /api/v1/sms/replies}
     * @param secret     notification-service's {@code closedloop.notification.sms-reply.secret}
     */
    public static DemoSmsGateway start(String host, int port, Clock clock, String repliesUrl, String secret) {
        SmsReplyForwarder replies = new SmsReplyForwarder(clock);
        replies.connect(repliesUrl, secret);
        return new DemoSmsGateway(host, port, clock, replies);
    }

    public int port() {
        return http.port();
    }

    public RecordingSmsGateway gateway() {
        return gateway;
    }

    /** Blocks until the server is stopped. */
    void awaitShutdown() {
        http.onDispose().block();
    }

    @Override
    public void close() {
        http.disposeNow();
    }
}
