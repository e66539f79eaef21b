package closedloop.testsupport;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.EventJson;
import closedloop.contracts.Topics;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A test's hands on the broker: publishes events as a service would (CloudEvents headers, complaint id as key) and
 * records every event and raw record on the Closed Loop topics and their dead-letter twins, from the beginning.
 * Create it after the application started, so that the topics exist.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public KafkaProbe(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (String name : List.of(topic, Topics.deadLetter(topic))) {
                consumer.partitionsFor(name, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "kafka-probe");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (WakeupException stopping) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Publishes the event on its topic as its producing service would, and waits for the broker's ack. */
    public void publish(ClosedLoopEvent event) {
        send(CloudEvents.toRecord(event, "/closedloop/test"));
    }

    /** Publishes a raw record, for poison messages and other things no service would send. */
    public void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Every record seen so far on the given topic. */
    public List<ConsumerRecord<String, String>> records(String topic) {
        return records.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    /** Every event of the given type seen so far on the main topics; records that are no event (poison) are skipped. */
    public <T extends ClosedLoopEvent> List<T> events(Class<T> type) {
        return records.stream()
                .filter(record -> Topics.ALL.contains(record.topic()))
                .map(KafkaProbe::eventOrNull)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static ClosedLoopEvent eventOrNull(ConsumerRecord<String, String> record) {
        try {
            return CloudEvents.fromRecord(record).orElse(null);
        } catch (EventJson.MalformedEventException poison) {
            return null;
        }
    }

    /** Waits until an event of this type matching the condition has been seen, and returns the first such. */
    public <T extends ClosedLoopEvent> T awaitEvent(Class<T> type, Predicate<T> condition) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> events(type).stream().filter(condition).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        producer.close();
    }
}
