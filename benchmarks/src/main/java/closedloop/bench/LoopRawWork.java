package closedloop.bench;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under the loop, on the same broker and store in the same run: the raw Kafka producer (acks=all,
 * idempotent, the services' linger) sending as many records of the loop's average size as the loop wrote for a
 * step's complaints, to a topic of its own; and the raw driver inserting as many documents shaped like a stored
 * complaint as the loop wrote (inserts, updates and deletes) for them, 16 at a time, into a collection of its own.
 */
final class LoopRawWork {

    static final String TOPIC = "bench.raw-loop";
    private static final int CONCURRENCY = 16;

    private LoopRawWork() {
    }

    static LoopReport.Raw measure(String bootstrapServers, String mongoUri, int records, int recordBytes, int writes,
                                  long complaints) throws Exception {
        Duration producing = produce(bootstrapServers, records, recordBytes);
        Duration writing = write(mongoUri, writes);
        return new LoopReport.Raw(complaints, records, recordBytes, producing, writes, writing);
    }

    private static Duration produce(String bootstrapServers, int records, int recordBytes) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin topics = Admin.create(admin)) {
            if (!topics.listTopics().names().get().contains(TOPIC)) {
                topics.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            }
        }
        Properties config = RawBaselines.producerConfig(bootstrapServers);
        String value = "x".repeat(recordBytes);
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.partitionsFor(TOPIC);
            CountDownLatch acked = new CountDownLatch(records);
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), value), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                    acked.countDown();
                });
            }
            if (!acked.await(10, TimeUnit.MINUTES) || failed.get() > 0) {
                throw new IllegalStateException("Raw producer: " + failed.get() + " failed or not all acknowledged");
            }
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    private static Duration write(String mongoUri, int writes) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Document sample = Mono.from(client.getDatabase("closedloop-intake").getCollection("complaints").find()
                    .first()).block(Duration.ofMinutes(1));
            if (sample == null) {
                throw new IllegalStateException("No stored complaint to copy");
            }
            sample.remove("_id");
            MongoCollection<Document> raw = client.getDatabase("closedloop-bench").getCollection("raw_complaints");
            long started = System.nanoTime();
            Long done = Flux.range(0, writes)
                    .flatMap(i -> Mono.from(raw.insertOne(new Document(sample).append("_id",
                            UUID.randomUUID().toString()))), CONCURRENCY)
                    .count().block(Duration.ofMinutes(30));
            if (done == null || done != writes) {
                throw new IllegalStateException("Raw driver: " + done + " of " + writes + " inserts");
            }
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
