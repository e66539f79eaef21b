package closedloop.escalation;

import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketWarned;
import closedloop.escalation.sla.ClockBoard;
import closedloop.escalation.sla.SlaCases;
import closedloop.testsupport.EmbeddedMongo;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.MovableClockConfiguration;
import org.junit.jupiter.api.Test;
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
 * Two instances of the service in one consumer group share the three partitions of router.ticket, one database and
 * one clock: each fires the clocks of its own partitions, every alert exactly once; when one instance closes, the
 * survivor takes its partitions over with their clocks and fires what falls due next, exactly once.
 */
@EmbeddedKafka(kraft = true, partitions = 1)
class EscalationTwoInstancesIntegrationTests {

    private static final int COMPLAINTS = 36;

    @Test
    void firesEveryClockOnceAcrossTwoInstancesAndAfterOneOfThemLeaves(EmbeddedKafkaBroker broker) {
        MutableClock clock = MutableClock.of(MovableClockConfiguration.START, ZoneOffset.UTC);
        List<TicketAssigned> assigned = IntStream.range(0, COMPLAINTS)
                .mapToObj(i -> EscalationRestartIntegrationTests.assignment(clock)).toList();
        try (EmbeddedMongo mongo = EmbeddedMongo.start();
             ConfigurableApplicationContext survivor = EscalationRestartIntegrationTests.start(mongo, broker, clock)) {
            ConfigurableApplicationContext leaving = EscalationRestartIntegrationTests.start(mongo, broker, clock);
            try (KafkaProbe probe = new KafkaProbe(broker.getBrokersAsString())) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(owned(survivor)).isNotEmpty();
                    assertThat(owned(leaving)).isNotEmpty();
                    assertThat(owned(survivor).size() + owned(leaving).size()).isEqualTo(3);
                });
                assigned.forEach(probe::publish);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(distinctIds(probe,
                        ClockStarted.class, assigned)).hasSize(3 * COMPLAINTS));

                // sign-for (2 h) passed, first contact (4 h) at 75 %
                clock.add(Duration.ofHours(3));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(distinctIds(probe, TicketEscalated.class, assigned)).hasSize(COMPLAINTS);
                    assertThat(distinctIds(probe, TicketWarned.class, assigned)).hasSize(COMPLAINTS);
                });
                assertOnceEach(probe, broker, assigned, 1, survivor, leaving);

                leaving.close();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(owned(survivor)).containsExactlyInAnyOrder(0, 1, 2));

                // first contact (4 h) passed
                clock.add(Duration.ofHours(2));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        distinctIds(probe, TicketEscalated.class, assigned)).hasSize(2 * COMPLAINTS));
                assertOnceEach(probe, broker, assigned, 2, survivor);
                assertThat(ours(probe, TicketEscalated.class, assigned)).extracting(TicketEscalated::clock)
                        .containsOnly(ClockKind.SIGN_FOR, ClockKind.FIRST_CONTACT);
            } finally {
                leaving.close();
            }
        }
    }

    /**
     * Each alert fired exactly once and was published once: once the running instances' firing loops ran a few more
     * passes, everything was published and the probe read the topic to its end, the cases recorded each escalation
     * once, and the topic carries each id once — the two instances' outbox relays claim documents before publishing
     * them, so they never publish the same outbox twice.
     */
    private static void assertOnceEach(KafkaProbe probe, EmbeddedKafkaBroker broker, List<TicketAssigned> assigned,
                                       int escalationsPerCase, ConfigurableApplicationContext... running) {
        for (ConfigurableApplicationContext instance : running) {
            EscalationRestartIntegrationTests.settle(instance, probe, broker, assigned);
        }
        assertThat(ours(probe, TicketEscalated.class, assigned)).hasSize(escalationsPerCase * COMPLAINTS)
                .extracting(ClosedLoopEvent::eventId).doesNotHaveDuplicates();
        assertThat(ours(probe, TicketWarned.class, assigned)).hasSize(COMPLAINTS)
                .extracting(ClosedLoopEvent::eventId).doesNotHaveDuplicates();
        assertThat(ours(probe, ClockStarted.class, assigned)).hasSize(3 * COMPLAINTS)
                .extracting(ClosedLoopEvent::eventId).doesNotHaveDuplicates();
        SlaCases cases = running[0].getBean(SlaCases.class);
        for (TicketAssigned one : assigned) {
            assertThat(cases.findById(one.complaintId()).block(Duration.ofSeconds(5)).escalations())
                    .hasSize(escalationsPerCase);
        }
    }

    private static <T extends ClosedLoopEvent> List<UUID> distinctIds(KafkaProbe probe, Class<T> type,
                                                                     List<TicketAssigned> assigned) {
        return ours(probe, type, assigned).stream().map(ClosedLoopEvent::eventId).distinct().toList();
    }

    private static List<Integer> owned(ConfigurableApplicationContext context) {
        return List.copyOf(context.getBean(ClockBoard.class).ownedPartitions());
    }

    private static <T extends ClosedLoopEvent> List<T> ours(KafkaProbe probe, Class<T> type,
                                                          List<TicketAssigned> assigned) {
        return probe.events(type).stream()
                .filter(event -> assigned.stream().anyMatch(a -> a.complaintId().equals(event.complaintId())))
                .toList();
    }
}
