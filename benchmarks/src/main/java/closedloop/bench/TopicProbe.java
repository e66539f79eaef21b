package closedloop.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Reads a topic (escalation.sla, intake.complaint …) from the beginning with a plain KafkaConsumer (no group) and
 * notes, per event id ({@code ce_id}), the record timestamp of its first copy (CreateTime: when the service's producer
 * sent it); every further copy counts as a duplicate.
 */
final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicReference<ConsumerRecord<String, String>> sample = new AtomicReference<>();
    private final Thread poller;
    private volatile boolean running = true;

    TopicProbe(String bootstrapServers, String topic, int partitions) {
        consumer = BenchmarkSupport.topicReader(bootstrapServers);
        List<TopicPartition> all = IntStream.range(0, partitions)
                .mapToObj(partition -> new TopicPartition(topic, partition)).toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
        poller = new Thread(this::poll, topic + "-probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** The record timestamp (epoch millis) of the first copy of this event, or null when none arrived. */
    Long timestampOf(String eventId) {
        return firstSeen.get(eventId);
    }

    Map<String, Long> seen() {
        return firstSeen;
    }

    long records() {
        return records.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** One record as the service published it, to send records of the same size and headers raw. */
    ConsumerRecord<String, String> sample() {
        return sample.get();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                records.incrementAndGet();
                Header id = record.headers().lastHeader("ce_id");
                String eventId = id == null ? "no-id-" + record.offset() : new String(id.value(), StandardCharsets.UTF_8);
                if (firstSeen.putIfAbsent(eventId, record.timestamp()) != null) {
                    duplicates.incrementAndGet();
                }
                sample.compareAndSet(null, record);
            }
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
    }
}
