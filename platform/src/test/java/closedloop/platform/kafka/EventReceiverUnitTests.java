package closedloop.platform.kafka;

import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.observability.ComplaintIdInLogs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class EventReceiverUnitTests {

    private final EventReceiver receiver = new EventReceiver(new ClosedLoopKafkaProperties(3, (short) 1, 1, null,
            Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15)), new UnknownEventTypes(new SimpleMeterRegistry()));

    @BeforeEach
    void propagateContextAsTheServicesDo() {
        // spring.reactor.context-propagation=auto, as PlatformDefaults sets it
        Hooks.enableAutomaticContextPropagation();
    }

    @AfterEach
    void stopPropagating() {
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void namesTheComplaintInTheLogContextWhileItsRecordIsHandledOnWhicheverThread() {
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<String> thread = new AtomicReference<>();

        receiver.receive(record(), (event, record) -> Mono.fromRunnable(() -> {
                    seen.set(MDC.get(ComplaintIdInLogs.KEY));
                    thread.set(Thread.currentThread().getName());
                })
                .subscribeOn(Schedulers.boundedElastic()).then());

        assertThat(thread.get()).isNotEqualTo(Thread.currentThread().getName());
        assertThat(seen.get()).isEqualTo(Golden.COMPLAINT_ID);
        assertThat(MDC.get(ComplaintIdInLogs.KEY)).isNull();
    }

    private static ConsumerRecord<String, String> record() {
        ProducerRecord<String, String> sent = CloudEvents.toRecord(Golden.event(EventType.COMPLAINT_REGISTERED), "/test");
        return new ConsumerRecord<>(sent.topic(), 0, 0, 0, TimestampType.CREATE_TIME, -1, -1, sent.key(), sent.value(),
                sent.headers(), Optional.empty());
    }
}
