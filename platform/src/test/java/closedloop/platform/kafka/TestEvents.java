package closedloop.platform.kafka;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.ComplaintClosed;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The event the platform's broker tests publish where they want it: a closure of the complaint with this id. */
public final class TestEvents {

    private TestEvents() {
    }

    /** Publishes a {@code ComplaintClosed} of the complaint to this partition of the topic, and waits for the ack. */
    public static void publishClosure(KafkaProducer<String, String> producer, String topic, int partition,
                                      String complaintId) throws Exception {
        ComplaintClosed closed = new ComplaintClosed(UUID.randomUUID(), Instant.now(), complaintId,
                CallbackOutcome.SATISFIED, "agent-017");
        ProducerRecord<String, String> event = CloudEvents.toRecord(closed, "/closedloop/test");
        producer.send(new ProducerRecord<>(topic, partition, event.key(), event.value(), event.headers()))
                .get(10, TimeUnit.SECONDS);
    }
}
