package closedloop.notification.message.delivery;

import closedloop.notification.NotificationServiceApplication;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.testsupport.EmbeddedMongo;
import closedloop.testsupport.MovableClockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One instance of the service after another against the same database: a message the first left PENDING after a
 * failed attempt is delivered by the second once it is due, exactly once, because everything the delivery needs is
 * in MongoDB.
 */
@EmbeddedKafka(kraft = true, partitions = 1)
class DeliveryRestartIntegrationTests {

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void deliversAMessageAFormerInstanceLeftPendingOnceItIsDue(EmbeddedKafkaBroker broker) {
        MutableClock clock = MutableClock.of(MovableClockConfiguration.START, ZoneOffset.UTC);
        Outgoing sms = new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(), Purpose.REGISTRATION_ACK,
                RecipientKind.CUSTOMER, MessageChannel.SMS, "13800138000", null, "Registered.");
        String id = Message.idFor(sms);
        gateway.stubFor(post("/sms").willReturn(serviceUnavailable()));
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            try (ConfigurableApplicationContext first = start(mongo, broker, clock)) {
                first.getBean(Messenger.class).send(sms).block();
                await().untilAsserted(() -> assertThat(message(first, id).attempts()).isEqualTo(1));
                assertThat(message(first, id).status()).isEqualTo(MessageStatus.PENDING);
            }
            gateway.stubFor(post("/sms").willReturn(ok()));
            clock.add(Duration.ofSeconds(30));

            try (ConfigurableApplicationContext second = start(mongo, broker, clock)) {
                await().untilAsserted(() -> assertThat(message(second, id).status()).isEqualTo(MessageStatus.SENT));
                assertThat(message(second, id).attempts()).isEqualTo(2);
                assertThat(message(second, id).sentAt()).isEqualTo(clock.instant());
                assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/sms"))
                        .withRequestBody(matchingJsonPath("$.reference", equalTo(id))))).hasSize(4);
            }
        }
    }

    static Message message(ConfigurableApplicationContext context, String id) {
        return context.getBean(ReactiveMongoTemplate.class).findById(id, Message.class).blockOptional()
                .orElseThrow(() -> new AssertionError("No message " + id));
    }

    static ConfigurableApplicationContext start(EmbeddedMongo mongo, EmbeddedKafkaBroker broker, MutableClock clock) {
        SpringApplication application = NotificationServiceApplication.application();
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        return application.run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongo.uri(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--closedloop.notification.sms.url=" + gateway.baseUrl() + "/sms",
                "--closedloop.notification.delivery.poll-interval=100ms",
                "--resilience4j.retry.instances.sms.wait-duration=10ms");
    }
}
