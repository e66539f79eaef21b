package closedloop.platform.deadletter;

import closedloop.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Reads the dead-letter topics with a consumer of no group, so that it commits nothing and leaves no group behind:
 * every record on them from the start (at most {@value #MAX}), or the one at a given place.
 */
public class DeadLetterReader {

    /** The most records one listing reads. */
    static final int MAX = 1000;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> configuration;
    private final int partitions;

    /**
     * @param consumers  the service's consumer factory, whose settings the reader takes without its group
     * @param partitions how many partitions every topic (and so its dead-letter twin) has
     */
    public DeadLetterReader(ConsumerFactory<?, ?> consumers, int partitions) {
        this.configuration = new HashMap<>(consumers.getConfigurationProperties());
        configuration.remove(ConsumerConfig.GROUP_ID_CONFIG);
        configuration.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.partitions = partitions;
    }

    /** The records on every dead-letter topic, partition by partition, oldest first. */
    public List<ConsumerRecord<String, String>> all() {
        List<TopicPartition> deadLetterTopics = Topics.ALL.stream()
                .flatMap(topic -> IntStream.range(0, partitions)
                        .mapToObj(partition -> new TopicPartition(Topics.deadLetter(topic), partition)))
                .toList();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(deadLetterTopics);
            consumer.seekToBeginning(deadLetterTopics);
            Map<TopicPartition, Long> ends = consumer.endOffsets(deadLetterTopics, PATIENCE);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (records.size() < MAX && System.nanoTime() < deadline && deadLetterTopics.stream()
                    .anyMatch(partition -> consumer.position(partition, PATIENCE) < ends.get(partition))) {
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    /** The record at this offset of this partition of a dead-letter topic, if there is one. */
    public Optional<ConsumerRecord<String, String>> at(String deadLetterTopic, int partition, long offset) {
        TopicPartition place = new TopicPartition(deadLetterTopic, partition);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(List.of(place));
            long end = consumer.endOffsets(List.of(place), PATIENCE).get(place);
            if (offset >= end) {
                return Optional.empty();
            }
            consumer.seek(place, offset);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() >= offset) {
                        return Optional.of(record).filter(found -> found.offset() == offset);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(configuration, new StringDeserializer(), new StringDeserializer());
    }
}
