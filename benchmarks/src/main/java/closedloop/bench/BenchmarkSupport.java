package closedloop.bench;

import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import closedloop.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What every benchmark command does the same way: its work folder, ports, topics, the services' arguments, progress.
 */
final class BenchmarkSupport {

    /** A per-person rate limit no benchmark reaches. */
    private static final int OUT_OF_REACH = 100_000_000;

    private BenchmarkSupport() {
    }

    /**
     * The arguments of a service's child JVM: its port, the broker, the store and the issuer whose tokens it takes.
     * One benchmark user makes thousands of requests a minute: the per-person rate limits stay on, so that their cost
     * is in the figures, but out of reach.
     */
    static List<String> serviceArguments(String bootstrapServers, String storeUri, int port, IssuerJvm issuer) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers, "--spring.data.mongodb.uri=" + storeUri,
                "--closedloop.kafka.replication-factor=1", "--spring.main.banner-mode=off",
                "--closedloop.rate-limits.changes-per-minute=" + OUT_OF_REACH,
                "--closedloop.rate-limits.paths[0].method=POST",
                "--closedloop.rate-limits.paths[0].pattern=/api/v1/complaints",
                "--closedloop.rate-limits.paths[0].per-minute=" + OUT_OF_REACH));
        arguments.addAll(issuer.resourceServerArguments());
        return arguments;
    }

    /** Every topic of the system and its dead-letter twin, plus {@code extra}, with this many partitions. */
    static void createTopics(String bootstrapServers, int partitions, String... extra) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                topics.add(new NewTopic(topic, partitions, (short) 1));
                topics.add(new NewTopic(Topics.deadLetter(topic), partitions, (short) 1));
            }
            for (String topic : extra) {
                topics.add(new NewTopic(topic, partitions, (short) 1));
            }
            admin.createTopics(topics).all().get(1, TimeUnit.MINUTES);
        }
    }

    /**
     * A plain consumer of no group that commits nothing, reading up to 5,000 records a poll: what the benchmarks and
     * the chaos command read topics with (the caller assigns the partitions and seeks).
     */
    static KafkaConsumer<String, String> topicReader(String bootstrapServers) {
        java.util.Properties config = new java.util.Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(config);
    }

    /** The folder, deleted with everything in it if it exists, and created empty. */
    static Path emptied(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void waitUntil(long epochMillis) throws InterruptedException {
        long left;
        while ((left = epochMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(Math.min(left, 500));
        }
    }

    /** A line of progress on the console, with the time of day (UTC). */
    static void say(String format, Object... args) {
        System.out.printf("[%s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }

    /** A mapping converter as Spring Data builds one for the services, to write and read documents as they do. */
    static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
