package closedloop.bench;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.Topics;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything on the loop's topics and their dead-letter topics, read from the beginning to the end offsets of the
 * moment with a plain consumer (no group): the events, every copy (a republished event is a second copy of the same
 * event id), and how many records each {@code .DLT} holds.
 */
final class TopicLedger {

    private final List<ClosedLoopEvent> copies;
    private final Map<String, Long> deadLetters;

    private TopicLedger(List<ClosedLoopEvent> copies, Map<String, Long> deadLetters) {
        this.copies = copies;
        this.deadLetters = deadLetters;
    }

    /** A ledger of these copies and dead-letter counts, as if read from the topics. */
    static TopicLedger of(List<ClosedLoopEvent> copies, Map<String, Long> deadLetters) {
        return new TopicLedger(List.copyOf(copies), Map.copyOf(deadLetters));
    }

    static TopicLedger read(String bootstrapServers, Duration within) {
        try (KafkaConsumer<String, String> consumer = BenchmarkSupport.topicReader(bootstrapServers)) {
            Map<String, List<PartitionInfo>> topics = consumer.listTopics(within);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                for (String name : List.of(topic, Topics.deadLetter(topic))) {
                    topics.getOrDefault(name, List.of()).forEach(info ->
                            partitions.add(new TopicPartition(name, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, within);
            List<ClosedLoopEvent> copies = new ArrayList<>();
            Map<String, Long> deadLetters = new LinkedHashMap<>();
            Topics.ALL.forEach(topic -> deadLetters.put(Topics.deadLetter(topic), 0L));
            Instant deadline = Instant.now().plus(within);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read the topics to their end within " + within);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().endsWith(".DLT")) {
                        deadLetters.merge(record.topic(), 1L, Long::sum);
                    } else {
                        CloudEvents.fromRecord(record).ifPresent(copies::add);
                    }
                }
            }
            return new TopicLedger(List.copyOf(copies), deadLetters);
        }
    }

    /** Every copy of every event of this type read. */
    <T extends ClosedLoopEvent> List<T> copies(Class<T> type) {
        return copies.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The events of this type, one per event id (the first copy). */
    <T extends ClosedLoopEvent> List<T> events(Class<T> type) {
        Map<Object, T> first = new LinkedHashMap<>();
        copies(type).forEach(event -> first.putIfAbsent(event.eventId(), event));
        return List.copyOf(first.values());
    }

    /** The events of this type, one per event id, grouped by a key. */
    <T extends ClosedLoopEvent, K> Map<K, List<T>> byKey(Class<T> type, Function<T, K> key) {
        return events(type).stream().collect(Collectors.groupingBy(key, HashMap::new, Collectors.toList()));
    }

    /** How many copies there were beyond the first of each event: what consumers had to ignore. */
    long repeatedCopies() {
        return copies.size() - copies.stream().map(ClosedLoopEvent::eventId).distinct().count();
    }

    long records() {
        return copies.size();
    }

    /** Records per dead-letter topic, every topic of the loop's named (0 where it has none, or no such topic). */
    Map<String, Long> deadLetters() {
        return deadLetters;
    }
}
