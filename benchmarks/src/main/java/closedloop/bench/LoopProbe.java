package closedloop.bench;

import closedloop.contracts.EventType;
import closedloop.contracts.Topics;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the loop's four topics from the start, without a consumer group, and keeps per complaint (the records' key)
 * when its ticket was assigned (the {@code TicketAssigned} record's timestamp, written after the ticket is stored,
 * so the ticket is visible at the branch by then) and when its registration acknowledgement was sent
 * ({@code MessageSent} with purpose {@code REGISTRATION_ACK}); and how many records and bytes went by.
 */
final class LoopProbe implements AutoCloseable {

    private static final String TICKET_ASSIGNED = EventType.TICKET_ASSIGNED.id();
    private static final String MESSAGE_SENT = EventType.MESSAGE_SENT.id();

    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private final Map<String, Long> ticketAt = new ConcurrentHashMap<>();
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, AtomicLong> byType = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    LoopProbe(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "loop-probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** When the complaint's ticket was assigned (epoch millis), or null. */
    Long ticketAt(String complaintId) {
        return ticketAt.get(complaintId);
    }

    /** When the complaint's registration acknowledgement was sent (epoch millis), or null. */
    Long acknowledgedAt(String complaintId) {
        return acknowledgedAt.get(complaintId);
    }

    /** Records seen so far by CloudEvents type. */
    Map<String, Long> recordsByType() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        byType.forEach((type, count) -> counts.put(type, count.get()));
        return counts;
    }

    /** Complaints registered so far (their {@code ComplaintRegistered} records). */
    long complaints() {
        AtomicLong registered = byType.get(EventType.COMPLAINT_REGISTERED.id());
        return registered == null ? 0 : registered.get();
    }

    long records() {
        return records.get();
    }

    long bytes() {
        return bytes.get();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.incrementAndGet();
                    bytes.addAndGet(record.serializedValueSize() + Math.max(0, record.serializedKeySize()));
                    String type = header(record, CloudEvents.TYPE);
                    byType.computeIfAbsent(String.valueOf(type), any -> new AtomicLong()).incrementAndGet();
                    if (TICKET_ASSIGNED.equals(type)) {
                        ticketAt.putIfAbsent(record.key(), record.timestamp());
                    } else if (MESSAGE_SENT.equals(type) && record.value().contains("\"REGISTRATION_ACK\"")) {
                        acknowledgedAt.putIfAbsent(record.key(), record.timestamp());
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() woke it
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(10_000);
    }
}
