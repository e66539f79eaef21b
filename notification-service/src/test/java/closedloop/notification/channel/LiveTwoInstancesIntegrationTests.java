package closedloop.notification.channel;

import closedloop.notification.NotificationServiceApplication;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.channel.messaging.LiveMessagesListener;
import closedloop.testsupport.EmbeddedMongo;
import closedloop.testsupport.MovableClockConfiguration;
import closedloop.testsupport.SignedInTestClient;
import closedloop.testsupport.TestIssuerInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one broker and one database: a staff console open on one instance sees the live
 * message the other instance delivered, because every instance streams every published live message.
 */
@EmbeddedKafka(kraft = true, partitions = 1)
class LiveTwoInstancesIntegrationTests {

    @Test
    void streamsALiveMessageToAConsoleOnTheOtherInstance(EmbeddedKafkaBroker broker) {
        MutableClock clock = MutableClock.of(MovableClockConfiguration.START, ZoneOffset.UTC);
        String branch = Message.branchRecipient("X-" + UUID.randomUUID());
        Outgoing warning = new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(), Purpose.SLA_WARNING,
                RecipientKind.BRANCH, MessageChannel.LIVE, branch, null, "工单 T-1 催办");
        try (EmbeddedMongo mongo = EmbeddedMongo.start();
             ConfigurableApplicationContext one = start(mongo, broker, clock);
             ConfigurableApplicationContext two = start(mongo, broker, clock)) {
            await().until(() -> one.getBean(LiveMessagesListener.class).isListening()
                    && two.getBean(LiveMessagesListener.class).isListening());

            Flux<ServerSentEvent<String>> onTwo = WebTestClient
                    .bindToServer().filter(SignedInTestClient.asStaff()).baseUrl("http://localhost:" + two.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(30)).build()
                    .get().uri("/api/v1/live?recipient={r}", branch)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange()
                    .expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                    .getResponseBody();

            StepVerifier.create(onTwo)
                    .assertNext(heartbeat -> assertThat(heartbeat.comment()).isEqualTo("heartbeat"))
                    .then(() -> one.getBean(Messenger.class).send(warning).block())
                    .assertNext(event -> {
                        assertThat(event.event()).isEqualTo("message");
                        assertThat(event.id()).isEqualTo(Message.idFor(warning));
                        assertThat(event.data()).contains("工单 T-1 催办");
                    })
                    .thenCancel()
                    .verify(Duration.ofSeconds(30));
        }
    }

    static ConfigurableApplicationContext start(EmbeddedMongo mongo, EmbeddedKafkaBroker broker, MutableClock clock) {
        SpringApplication application = NotificationServiceApplication.application();
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", clock),
                new TestIssuerInitializer());
        return application.run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongo.uri(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--closedloop.notification.live.heartbeat=PT1H",
                "--closedloop.notification.delivery.poll-interval=100ms");
    }
}
