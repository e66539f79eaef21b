package closedloop.intake;

import closedloop.intake.complaint.ComplaintNumber;
import closedloop.testsupport.EmbeddedMongo;
import closedloop.testsupport.SignedInTestClient;
import closedloop.testsupport.TestIssuerInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two complaint-intake instances, each its own application context on its own port, sharing one MongoDB-wire store
 * and one broker, as two replicas in production would: concurrent registrations on both never share a number.
 */
@EmbeddedKafka(kraft = true, partitions = 1)
class ComplaintNumbersAcrossInstancesIntegrationTests {

    static final int PER_INSTANCE = 25;

    @Test
    void givesConcurrentRegistrationsOnTwoInstancesDistinctNumbers(EmbeddedKafkaBroker broker) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start();
             ConfigurableApplicationContext one = start(mongo, broker);
             ConfigurableApplicationContext two = start(mongo, broker)) {
            assertThat(port(one)).isNotEqualTo(port(two));

            List<String> numbers = Flux.merge(register(port(one)), register(port(two)))
                    .collectList()
                    .block(Duration.ofSeconds(60));

            assertThat(numbers).hasSize(2 * PER_INSTANCE).doesNotHaveDuplicates()
                    .allMatch(number -> ComplaintNumber.FORMAT.matcher(number).matches());
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedMongo mongo, EmbeddedKafkaBroker broker) {
        SpringApplication application = ComplaintIntakeApplication.application();
        application.addInitializers(new TestIssuerInitializer());
        return application.run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongo.uri(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Flux<String> register(int port) {
        WebClient client = WebClient.builder().filter(SignedInTestClient.asStaff())
                .baseUrl("http://localhost:" + port).build();
        return Flux.range(0, PER_INSTANCE)
                .flatMap(i -> client.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("channel", "ONLINE", "category", "BILLING",
                                "customer", Map.of("name", "Zhao " + i, "phone", "1390000" + String.format("%04d", (port + i) % 10000)),
                                "district", "Lixia", "description", "Concurrent " + i))
                        .retrieve().bodyToMono(JsonNode.class)
                        .map(body -> body.get("number").asText()), PER_INSTANCE);
    }
}
