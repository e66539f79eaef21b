package closedloop.escalation;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.EventIds;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketWarned;
import closedloop.contracts.Topics;
import closedloop.escalation.sla.SlaCases;
import closedloop.escalation.sla.Timekeeper;
import closedloop.platform.PeriodicPass;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One instance of the service after another against the same database and broker: while it was down, time moved past
 * several deadlines of many complaints; the new instance loads the clocks of its partitions and fires every one that
 * fell due within seconds of its start, exactly once (warnings the breaches made obsolete are skipped).
 */
@EmbeddedKafka(kraft = true, partitions = 1)
class EscalationRestartIntegrationTests {

    private static final int COMPLAINTS = 12;

    @Test
    void firesEveryClockThatFellDueDuringDowntimeOnceWithinSecondsOfTheStart(EmbeddedKafkaBroker broker) {
        MutableClock clock = MutableClock.of(MovableClockConfiguration.START, ZoneOffset.UTC);
        List<TicketAssigned> assigned = IntStream.range(0, COMPLAINTS).mapToObj(i -> assignment(clock)).toList();
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            try (ConfigurableApplicationContext first = start(mongo, broker, clock);
                 KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString())) {
                assigned.forEach(probe::publish);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.events(ClockStarted.class))
                        .filteredOn(started -> isOneOf(started.complaintId(), assigned))
                        .hasSize(3 * COMPLAINTS));
                SlaCases cases = first.getBean(SlaCases.class);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assigned.forEach(a -> assertThat(
                        cases.findById(a.complaintId()).block().pendingEvents()).isEmpty()));
            }

            clock.add(Duration.ofHours(25));
            try (KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString());
                 ConfigurableApplicationContext second = start(mongo, broker, clock)) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(levelOnes(probe, assigned))
                        .hasSize(3 * COMPLAINTS));
                settle(second, probe, broker, assigned);
                assertThat(levelOnes(probe, assigned)).hasSize(3 * COMPLAINTS);
                SlaCases cases = second.getBean(SlaCases.class);
                assigned.forEach(a -> assertThat(cases.findById(a.complaintId()).block().escalations()).hasSize(3));
                assertThat(levelOnes(probe, assigned)).extracting(TicketEscalated::eventId).doesNotHaveDuplicates()
                        .contains(EventIds.derived(assigned.get(0).ticketId(), "RESOLVE/level-1"));
                assertThat(probe.events(TicketWarned.class)).filteredOn(w -> isOneOf(w.complaintId(), assigned))
                        .isEmpty();
            }
        }
    }

    /**
     * Waits until the instance's firing loop has run a few more passes, everything it fired is published (the cases'
     * outboxes are empty) and the probe has read escalation.sla to its end: what the test sees then is all there is.
     */
    static void settle(ConfigurableApplicationContext instance, KafkaProbe probe, EmbeddedKafkaBroker broker,
                       List<TicketAssigned> assigned) {
        Settle.passes(instance.getBean(Timekeeper.FIRING_PASS, PeriodicPass.class), 3);
        SlaCases cases = instance.getBean(SlaCases.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assigned.forEach(a -> assertThat(
                cases.findById(a.complaintId()).block().pendingEvents()).isEmpty()));
        Settle.readToEnd(probe, broker.getBrokersAsString(), Topics.ESCALATION_SLA);
    }

    private static List<TicketEscalated> levelOnes(KafkaProbe probe, List<TicketAssigned> assigned) {
        return probe.events(TicketEscalated.class).stream()
                .filter(escalated -> isOneOf(escalated.complaintId(), assigned) && escalated.level() == 1)
                .toList();
    }

    private static boolean isOneOf(String complaintId, List<TicketAssigned> assigned) {
        return assigned.stream().anyMatch(a -> a.complaintId().equals(complaintId));
    }

    static ConfigurableApplicationContext start(EmbeddedMongo mongo, EmbeddedKafkaBroker broker,
                                                MutableClock clock) {
        SpringApplication application = EscalationServiceApplication.application();
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        return application.run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongo.uri(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--closedloop.escalation.scan-interval=100ms");
    }

    static TicketAssigned assignment(MutableClock clock) {
        return new TicketAssigned(UUID.randomUUID(), clock.instant(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), "LIXIA-01", Category.BILLING, Priority.NORMAL, null,
                AssignmentReason.ROUTED, Channel.HOTLINE, clock.instant());
    }
}
