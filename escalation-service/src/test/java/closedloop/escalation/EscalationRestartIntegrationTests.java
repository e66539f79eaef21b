package closedloop.escalation;

import closedloop.contracts.Category;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.escalation.sla.SlaClock;
import closedloop.escalation.sla.SlaClocks;
import closedloop.testsupport.EmbeddedMongo;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.MovableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One instance of the service after another against the same database and broker: a clock that fired before a
 * restart does not fire again after it, although the time is still past its deadline.
 */
@EmbeddedKafka(kraft = true, partitions = 1)
class EscalationRestartIntegrationTests {

    @Test
    void firesOnceAcrossARestart(EmbeddedKafkaBroker broker) {
        String complaintId = UUID.randomUUID().toString();
        TicketAssigned assigned = assignment(complaintId, MovableClockConfiguration.START);
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            MutableClock firstClock = MutableClock.of(MovableClockConfiguration.START, ZoneOffset.UTC);
            try (ConfigurableApplicationContext first = start(mongo, broker, firstClock);
                 KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString())) {
                probe.publish(assigned);
                ClockStarted started = probe.awaitEvent(ClockStarted.class, e -> e.ticketId().equals(assigned.ticketId()));
                firstClock.setInstant(started.deadline().plusSeconds(60));
                probe.awaitEvent(TicketEscalated.class, e -> e.ticketId().equals(assigned.ticketId()));
                awaitOutboxDrained(first, assigned);
            }

            MutableClock secondClock = MutableClock.of(firstClock.instant().plusSeconds(60), ZoneOffset.UTC);
            TicketAssigned overdue = assignment(complaintId, secondClock.instant().minus(Duration.ofHours(25)));
            try (ConfigurableApplicationContext second = start(mongo, broker, secondClock);
                 KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString())) {
                probe.publish(overdue);
                probe.awaitEvent(TicketEscalated.class, e -> e.ticketId().equals(overdue.ticketId()));

                await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                        assertThat(probe.events(TicketEscalated.class))
                                .filteredOn(e -> e.ticketId().equals(assigned.ticketId()))
                                .hasSize(1));
            }
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedMongo mongo, EmbeddedKafkaBroker broker,
                                                        MutableClock clock) {
        SpringApplication application = EscalationServiceApplication.application();
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        return application.run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongo.uri(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--closedloop.escalation.scan-interval=100ms");
    }

    /** The first instance published its escalation and said so in the clock's document before it stops. */
    private static void awaitOutboxDrained(ConfigurableApplicationContext context, TicketAssigned assigned) {
        SlaClocks clocks = context.getBean(SlaClocks.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                clocks.findById(SlaClock.idOf(assigned.ticketId(), ClockKind.RESOLVE)).block(Duration.ofSeconds(5))
                        .pendingEvents()).isEmpty());
    }

    private static TicketAssigned assignment(String complaintId, Instant at) {
        return new TicketAssigned(UUID.randomUUID(), at, complaintId, UUID.randomUUID().toString(), "LIXIA-01",
                Category.BILLING, Priority.NORMAL, null);
    }
}
