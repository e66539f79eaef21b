package closedloop.bench;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The raw broker and store doing the same work as the service (house rule: compare our pipeline with them): the
 * partition query of the clock reload with the plain driver, 100,000-style bursts of records with a plain idempotent
 * producer, findById + replace of the fired cases with the plain driver, the least store work an outbox needs, and
 * one send or one insert at a time (what one request causes underneath).
 */
final class RawBaselines {

    private RawBaselines() {
    }

    /** The reload's query over all partitions, {@code _id, partition, nextDueAt} only; emits rows and time. */
    static Timed partitionQuery(MongoCollection<Document> cases, int partitions) {
        long started = System.nanoTime();
        List<Integer> all = IntStream.range(0, partitions).boxed().toList();
        Long rows = Flux.from(cases.find(Filters.and(Filters.in("partition", all), Filters.ne("nextDueAt", null)))
                        .projection(Projections.include("_id", "partition", "nextDueAt")).batchSize(10_000))
                .count().block(Duration.ofMinutes(10));
        return new Timed(rows == null ? 0 : rows, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Sends {@code count} records shaped like {@code sample} (same value size and headers, fresh keys) to
     * {@code topic} with acks=all and idempotence, as the service's producer is configured; emits the time until the
     * last was acknowledged.
     */
    static Timed producer(String bootstrapServers, String topic, ConsumerRecord<String, String> sample, int count)
            throws InterruptedException {
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
            producer.partitionsFor(topic);
            CountDownLatch acked = new CountDownLatch(count);
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(like(sample, topic), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                    acked.countDown();
                });
            }
            acked.await(10, TimeUnit.MINUTES);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " raw sends failed");
            }
            return new Timed(count, took);
        }
    }

    /**
     * For each id: find the document by {@code _id} and replace it with itself (the shape of a firing's load and
     * versioned save, without the domain work), {@code concurrency} at a time as the service's firing loop does.
     */
    static Timed findAndReplace(MongoCollection<Document> cases, List<String> ids, int concurrency) {
        long started = System.nanoTime();
        Long done = Flux.fromIterable(ids)
                .flatMap(id -> Mono.from(cases.find(Filters.eq("_id", id)).first())
                        .flatMap(found -> Mono.from(cases.replaceOne(Filters.eq("_id", id), found,
                                new ReplaceOptions()))), concurrency)
                .count().block(Duration.ofMinutes(30));
        return new Timed(done == null ? 0 : done, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * For each id: the service's save filter {@code {_id, version}} with a {@code $set} (version unchanged, so the
     * documents stay as they were), one at a time, written as a plain document as Spring Data sends it (the driver's
     * {@code Filters.and} would send an {@code $and}, which the embedded store scans for).
     */
    static Timed versionedUpdates(MongoCollection<Document> cases, List<String> ids) {
        long started = System.nanoTime();
        long done = 0;
        for (String id : ids) {
            Mono.from(cases.updateOne(new Document("_id", id).append("version", 0L),
                    Updates.set("version", 0L))).block(Duration.ofMinutes(5));
            done++;
        }
        return new Timed(done, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The least store work an outbox needs per fired case, in the service's batches: load a batch of 1,000 by
     * {@code _id}, write each back at the next version with one event in its outbox (one unordered bulk write), then
     * empty those outboxes as a relay marks them sent (a second bulk write); one batch after another. No domain
     * work, no Kafka, no read models: the floor under the storm on this store.
     */
    static Timed outboxFloor(MongoCollection<Document> cases, List<String> ids, String eventPayload) {
        long started = System.nanoTime();
        long done = 0;
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 1000));
            List<Document> found = Flux.from(cases.find(Filters.in("_id", batch))).collectList()
                    .block(Duration.ofMinutes(5));
            List<UpdateOneModel<Document>> saves = found.stream().map(document -> {
                long version = ((Number) document.get("version")).longValue();
                Document event = new Document("eventId", UUID.randomUUID().toString())
                        .append("type", "closedloop.sla.ticket-warned.v1").append("topic", "escalation.sla")
                        .append("key", document.get("_id")).append("occurredAt", new java.util.Date())
                        .append("payload", eventPayload);
                return new UpdateOneModel<Document>(new Document("_id", document.get("_id")).append("version", version),
                        Updates.combine(Updates.set("version", version + 1), Updates.push("outbox", event),
                                Updates.set("outboxSince", event.get("occurredAt"))));
            }).toList();
            Mono.from(cases.bulkWrite(saves, new BulkWriteOptions().ordered(false))).block(Duration.ofMinutes(5));
            List<UpdateOneModel<Document>> marks = found.stream()
                    .map(document -> new UpdateOneModel<Document>(new Document("_id", document.get("_id")),
                            Updates.combine(Updates.set("outbox", List.of()), Updates.unset("outboxSince"))))
                    .toList();
            Mono.from(cases.bulkWrite(marks, new BulkWriteOptions().ordered(true))).block(Duration.ofMinutes(5));
            done += found.size();
        }
        return new Timed(done, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Sends {@code count} records shaped like {@code sample} one at a time, each awaited until acknowledged, with the
     * services' producer settings: the latency of one send, in nanoseconds.
     */
    static Percentiles sendEach(String bootstrapServers, String topic, ConsumerRecord<String, String> sample,
                                int count) throws Exception {
        List<Long> nanos = new ArrayList<>(count);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
            producer.partitionsFor(topic);
            producer.send(like(sample, topic)).get(1, TimeUnit.MINUTES);   // connections and producer id first
            for (int i = 0; i < count; i++) {
                long started = System.nanoTime();
                producer.send(like(sample, topic)).get(1, TimeUnit.MINUTES);
                nanos.add(System.nanoTime() - started);
            }
        }
        return Percentiles.of(nanos);
    }

    /**
     * Inserts {@code count} copies of {@code document} (each under a new {@code _id}) one at a time, each awaited: the
     * latency of one insert of a document that size, in nanoseconds.
     */
    static Percentiles insertEach(MongoCollection<Document> collection, Document document, int count) {
        return each(count, () -> collection.insertOne(new Document(document)
                .append("_id", UUID.randomUUID().toString())));
    }

    /**
     * Runs {@code count} calls of the driver one at a time, each awaited, after one unmeasured call (which opens the
     * collection): the latency of one call, in nanoseconds.
     */
    static Percentiles each(int count, Supplier<Publisher<?>> call) {
        List<Long> nanos = new ArrayList<>(count);
        Flux.from(call.get()).blockLast(Duration.ofMinutes(1));
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            Flux.from(call.get()).blockLast(Duration.ofMinutes(1));
            nanos.add(System.nanoTime() - started);
        }
        return Percentiles.of(nanos);
    }

    /** The services' producer settings (the platform's defaults): acks=all, idempotent, linger.ms=2. */
    static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        return config;
    }

    /** A record with the sample's value and headers and a fresh key. */
    private static ProducerRecord<String, String> like(ConsumerRecord<String, String> sample, String topic) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, UUID.randomUUID().toString(),
                sample.value());
        for (Header header : sample.headers()) {
            record.headers().add(header.key(), header.value());
        }
        return record;
    }

    /**
     * How much work was done in how long.
     *
     * @param items rows, records or documents
     * @param took  wall time
     */
    record Timed(long items, Duration took) {

        double seconds() {
            return took.toMillis() / 1000.0;
        }

        long perSecond() {
            return took.toMillis() == 0 ? items : items * 1000 / took.toMillis();
        }
    }
}
