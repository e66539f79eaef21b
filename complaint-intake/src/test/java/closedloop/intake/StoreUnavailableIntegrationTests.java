package closedloop.intake;

import closedloop.intake.complaint.Complaint;
import closedloop.testsupport.EmbeddedInfrastructure;
import closedloop.testsupport.FreePorts;
import closedloop.testsupport.TestIssuer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Registration while the store is away: a real wire-protocol server that is stopped and started again on its port.
 * While it is away, {@code POST /api/v1/complaints} answers 503 problem+json with {@code Retry-After} (the driver
 * gives up after the URI's {@code serverSelectionTimeoutMS}); once it is back, the same request with its
 * {@code Idempotency-Key} registers the complaint once.
 */
@EmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ComplaintIntakeApplication.NAME)
@AutoConfigureWebTestClient(timeout = "30s")
class StoreUnavailableIntegrationTests {

    private static final int STORE_PORT = FreePorts.next();
    private static MongoServer store = startStore();

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void storeThatCanGoAway(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> "mongodb://127.0.0.1:" + STORE_PORT
                + "/?serverSelectionTimeoutMS=1500&connectTimeoutMS=1000");
    }

    @AfterAll
    static void stopStore() {
        store.shutdownNow();
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWhileTheStoreIsAwayAndRegistersOnceWhenItIsBack() {
        register(phone(), UUID.randomUUID().toString()).expectStatus().isCreated();
        store.shutdownNow();
        String phone = phone();
        String key = UUID.randomUUID().toString();

        register(phone, key).expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Store unavailable")
                .jsonPath("$.instance").isEqualTo("/api/v1/complaints");

        store = startStore();
        String id = await().atMost(Duration.ofSeconds(60)).until(() -> {
            ObjectNode created = register(phone, key).expectBody(ObjectNode.class).returnResult().getResponseBody();
            return created != null && created.has("id") ? created.get("id").asText() : null;
        }, created -> created != null);
        assertThat(register(phone, key).expectStatus().isCreated().expectBody(ObjectNode.class).returnResult()
                .getResponseBody().get("id").asText()).isEqualTo(id);
        assertThat(mongo.count(new Query(where("customer.phone").is(phone)), Complaint.COLLECTION).block())
                .isEqualTo(1);
    }

    private WebTestClient.ResponseSpec register(String phone, String key) {
        return web.post().uri("/api/v1/complaints").headers(TestIssuer.as("agent-017"))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "HOTLINE", "category", "BILLING",
                        "customer", Map.of("name", "Wang Fang", "phone", phone),
                        "district", "Lixia", "description", "Charged twice"))
                .exchange();
    }

    private static String phone() {
        return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static MongoServer startStore() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", STORE_PORT);
        return server;
    }
}
