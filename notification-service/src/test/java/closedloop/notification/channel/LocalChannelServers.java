package closedloop.notification.channel;

import closedloop.testsupport.FreePorts;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A real mail server (GreenMail) and a real SMS gateway (WireMock, accepting every message with 202) for the tests of
 * the whole service, started once per test JVM. Use it from a {@code @DynamicPropertySource}:
 * {@code LocalChannelServers.register(registry)}; read what arrived from {@link #mail()} and {@link #smsGateway()}.
 */
public final class LocalChannelServers {

    /** Where the gateway receives messages. */
    public static final String SMS_PATH = "/sms/messages";

    private static GreenMail mail;
    private static WireMockServer smsGateway;

    private LocalChannelServers() {
    }

    /** Starts the servers unless they run, and points {@code spring.mail.*} and the SMS gateway's URL at them. */
    public static synchronized void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("closedloop.notification.sms.url", () -> smsGateway.baseUrl() + SMS_PATH);
    }

    /** The mail server; {@code getReceivedMessages()} holds every mail (one copy per recipient). */
    public static synchronized GreenMail mail() {
        start();
        return mail;
    }

    /** The SMS gateway; {@code findAll(postRequestedFor(...))} lists what it received. */
    public static synchronized WireMockServer smsGateway() {
        start();
        return smsGateway;
    }

    private static void start() {
        if (mail != null) {
            return;
        }
        mail = new GreenMail(new ServerSetup(FreePorts.next(), "localhost", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        smsGateway = new WireMockServer(wireMockConfig().dynamicPort());
        smsGateway.start();
        smsGateway.stubFor(post(WireMock.urlEqualTo(SMS_PATH)).willReturn(aResponse().withStatus(202)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            smsGateway.stop();
            mail.stop();
        }, "local-channel-servers-stop"));
    }
}
