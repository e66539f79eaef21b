package closedloop.bench;

import closedloop.contracts.Topics;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * What the loop has not done yet, and what it has written, read from outside as an operator would: consumer lag of
 * every consumer group, events waiting in the services' outboxes ({@code outboxSince} set, the relay's sparse index),
 * the records on the loop's topics, and the store's {@code serverStatus.opcounters}.
 */
final class LoopGauges implements AutoCloseable {

    /** The services' databases and their outbox collections. */
    static final Map<String, List<String>> OUTBOXES = Map.of(
            "closedloop-intake", List.of("complaints"),
            "closedloop-router", List.of("tickets"),
            "closedloop-escalation", List.of("sla_cases", "agenda_items"),
            "closedloop-notification", List.of("messages", "callbacks", "survey-lockouts"));

    private final Admin admin;
    private final MongoClient mongo;

    LoopGauges(String bootstrapServers, String mongoUri) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin = Admin.create(config);
        mongo = MongoClients.create(mongoUri);
    }

    /** Records behind the end of their topics, over every partition of every consumer group. */
    long consumerLag() throws ExecutionException, InterruptedException {
        return lagByGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records behind the end of their topics, per consumer group. */
    Map<String, Long> lagByGroup() throws ExecutionException, InterruptedException {
        Map<String, Long> byGroup = new java.util.TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            long lag = 0;
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> ends = endOffsets(committed.keySet().stream().toList());
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                    lag += Math.max(0, ends.get(entry.getKey()) - entry.getValue().offset());
                }
            }
            byGroup.put(group.groupId(), lag);
        }
        return byGroup;
    }

    /** All records ever written to the loop's four topics (the sum of their end offsets). */
    long topicRecords() throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(Topics.ALL).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .toList();
        return endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Documents with events not yet published, over every outbox collection. */
    long outboxBacklog() {
        return backlogByCollection().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Documents with events not yet published, per outbox collection. */
    Map<String, Long> backlogByCollection() {
        Map<String, Long> byCollection = new java.util.TreeMap<>();
        OUTBOXES.forEach((database, collections) -> collections.forEach(collection -> {
            Long waiting = Mono.from(mongo.getDatabase(database).getCollection(collection)
                    .countDocuments(new Document("outboxSince", new Document("$exists", true))))
                    .block(Duration.ofMinutes(2));
            byCollection.put(database + "." + collection, waiting == null ? 0 : waiting);
        }));
        return byCollection;
    }

    /** The store's operation counters so far ({@code insert, query, update, delete, getmore, command}). */
    Map<String, Long> opcounters() {
        Document status = Mono.from(mongo.getDatabase("admin").runCommand(new Document("serverStatus", 1)))
                .block(Duration.ofMinutes(1));
        Map<String, Long> counters = new HashMap<>();
        if (status != null && status.get("opcounters") instanceof Document found) {
            found.forEach((name, value) -> counters.put(name, ((Number) value).longValue()));
        }
        return counters;
    }

    /**
     * The admin command {@code top}: per collection ({@code db.collection}), the operations so far by kind
     * ({@code insert, update, remove, queries, commands}).
     */
    Map<String, Map<String, Long>> top() {
        Document top = Mono.from(mongo.getDatabase("admin").runCommand(new Document("top", 1)))
                .block(Duration.ofMinutes(1));
        Map<String, Map<String, Long>> byCollection = new java.util.TreeMap<>();
        if (top != null && top.get("totals") instanceof Document totals) {
            totals.forEach((namespace, usage) -> {
                if (usage instanceof Document kinds) {
                    Map<String, Long> counts = new java.util.LinkedHashMap<>();
                    for (String kind : List.of("insert", "update", "remove", "queries", "commands")) {
                        if (kinds.get(kind) instanceof Document count && count.get("count") instanceof Number n) {
                            counts.put(kind, n.longValue());
                        }
                    }
                    byCollection.put(namespace, counts);
                }
            });
        }
        return byCollection;
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        ListOffsetsResult result = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())));
        return result.all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        mongo.close();
    }
}
