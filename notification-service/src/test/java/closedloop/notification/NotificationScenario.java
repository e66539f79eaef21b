package closedloop.notification;

import closedloop.notification.channel.LocalChannelServers;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageFilter;
import closedloop.notification.message.Messages;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.MovableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the Spring Boot tests of the whole service share: the service on a real broker and database (the subclass's
 * {@code @SpringBootTest}), mail and SMS leaving through a real SMTP server and a real SMS gateway, a
 * {@link KafkaProbe}, the movable clock back at its start before each test, and reads of the messages and callbacks
 * through the API.
 */
@ExtendWith(KafkaProbeExtension.class)
abstract class NotificationScenario {

    @Autowired
    WebTestClient web;

    @Autowired
    MutableClock clock;

    @Autowired
    Messages messages;

    KafkaProbe kafka;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        LocalChannelServers.register(registry);
    }

    @BeforeEach
    void startClock() {
        clock.setInstant(MovableClockConfiguration.START);
    }

    /** The complaint's messages as the API shows them, oldest first. */
    WebTestClient.BodyContentSpec messagesOf(String complaintId) {
        return web.get().uri("/api/v1/messages?complaintId={c}", complaintId)
                .exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    /** The complaint's messages as stored, with what the API does not show, oldest first. */
    List<Message> storedMessagesOf(String complaintId) {
        return messages.find(new MessageFilter(complaintId, null, null), 0, 200).collectList()
                .block(Duration.ofSeconds(10));
    }

    /**
     * A mobile number no other test uses: the service remembers per phone how often it was acknowledged and how many
     * wrong survey codes it sent, across tests.
     */
    static String freshPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The complaint's callbacks as the API shows them, soonest due first. */
    WebTestClient.BodyContentSpec callbacksOf(String complaintId) {
        return web.get().uri("/api/v1/callbacks?complaintId={c}", complaintId)
                .exchange()
                .expectStatus().isOk()
                .expectBody();
    }
}
