package closedloop.localstack.outbox;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.time.Clock;

/**
 * The outside world notification-service talks to on the embedded default, so that one sees messages really leave
 * the system: a real SMTP server ({@link DemoMailbox}) and a recording SMS gateway ({@link RecordingSmsGateway}) that
 * also forwards customers' replies to notification-service, signed as a real gateway does ({@link SmsReplyForwarder}),
 * with the gateway and the mail received served over HTTP by Reactor Netty ({@link DemoOutboxRoutes}).
 */
public final class DemoOutbox implements AutoCloseable {

    private final DemoMailbox mailbox;
    private final RecordingSmsGateway gateway;
    private final SmsReplyForwarder replies;
    private final DisposableServer http;

    private DemoOutbox(int smtpPort, int httpPort, Clock clock) {
        mailbox = DemoMailbox.start(smtpPort);
        gateway = new RecordingSmsGateway(clock);
        replies = new SmsReplyForwarder(clock);
        try {
            http = HttpServer.create().host("127.0.0.1").port(httpPort)
                    .handle(new ReactorHttpHandlerAdapter(DemoOutboxRoutes.httpHandler(gateway, replies, mailbox)))
                    .bindNow();
        } catch (RuntimeException e) {
            mailbox.close();
            throw e;
        }
    }

    /**
     * Starts the SMTP server and the gateway's HTTP server; port 0 picks a free one.
     *
     * @param smtpPort the SMTP port
     * @param httpPort the port of the SMS gateway and of the mail list
     */
    public static DemoOutbox start(int smtpPort, int httpPort, Clock clock) {
        return new DemoOutbox(smtpPort, httpPort, clock);
    }

    public int smtpPort() {
        return mailbox.port();
    }

    /** Where the SMS gateway takes messages, e.g. {@code http://127.0.0.1:8085/sms/messages}. */
    public String smsGatewayUrl() {
        return "http://127.0.0.1:" + http.port() + "/sms/messages";
    }

    /** The base address of the gateway and the mail list, e.g. {@code http://localhost:8085}. */
    public String url() {
        return "http://localhost:" + http.port();
    }

    public RecordingSmsGateway gateway() {
        return gateway;
    }

    /**
     * From now on the gateway forwards customers' replies ({@code POST /sms/replies}) to this address, e.g.
     * {@code http://localhost:8084/api/v1/sms/replies}, signed with this secret, which must be notification-service's
     * {@code closedloop.notification.sms-reply.secret}.
     */
    public void forwardRepliesTo(String repliesUrl, String secret) {
        replies.connect(repliesUrl, secret);
    }

    public DemoMailbox mailbox() {
        return mailbox;
    }

    @Override
    public void close() {
        http.disposeNow();
        mailbox.close();
    }
}
