package closedloop.platform.api;

import closedloop.platform.security.AccessRules;
import closedloop.platform.security.Actor;
import closedloop.platform.security.Caller;
import closedloop.platform.web.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static closedloop.platform.security.AccessRule.allow;
import static closedloop.platform.security.AccessRule.open;
import static closedloop.platform.security.Role.ADMIN;
import static closedloop.platform.security.Role.AGENT;
import static closedloop.platform.security.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * A tiny service on the platform describes its API at {@code /v3/api-docs} without a token: its name and version, the
 * bearer scheme every operation but the open ones requires, and on each operation the problem+json answers the
 * platform really gives it, in the shape the platform really writes them.
 */
@SpringBootTest(classes = ApiDescriptionsIntegrationTests.DoorService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=door-service", "spring.kafka.admin.auto-create=false"})
class ApiDescriptionsIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    private WebTestClient client;
    private JsonNode description;

    @BeforeEach
    void readTheDescriptionWithoutAToken() throws Exception {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        byte[] body = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        description = JSON.readTree(body);
    }

    @Test
    void namesTheServiceItsVersionAndTheAddressItWasReadFrom() {
        assertThat(description.at("/info/title").asText()).isEqualTo("door-service");
        assertThat(description.at("/info/version").asText()).isEqualTo(ApiDescriptions.buildVersion())
                .matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(description.at("/servers/0/url").asText()).isEqualTo("/");
    }

    @Test
    void requiresTheBearerSchemeEverywhereButOnTheOpenEndpoints() {
        assertThat(description.at("/components/securitySchemes/bearer/type").asText()).isEqualTo("http");
        assertThat(description.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(description.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(description.at("/security/0/bearer").isArray()).isTrue();
        JsonNode bell = operation("/api/v1/bell", "post");
        assertThat(bell.get("security")).isNotNull().isEmpty();
        assertThat(bell.at("/responses/401").isMissingNode()).isTrue();
        assertThat(operation("/api/v1/doors/{id}", "get").has("security")).isFalse();
    }

    @Test
    void documentsTheProblemsEachOperationReallyGetsAsProblemJson() {
        assertThat(codes(operation("/api/v1/doors/{id}", "get"))).contains("400", "401", "403", "404", "503")
                .doesNotContain("409", "429");
        assertThat(codes(operation("/api/v1/doors", "post"))).contains("400", "401", "403", "409", "429")
                .doesNotContain("404");
        assertThat(codes(operation("/api/v1/doors/_search", "post"))).contains("400", "401", "403")
                .doesNotContain("404", "409", "429");
        assertThat(codes(operation("/api/v1/bell", "post"))).contains("400", "409", "503")
                .doesNotContain("401", "429");
        assertThat(operation("/api/v1/doors/{id}", "get").at("/responses/404/$ref").asText())
                .isEqualTo("#/components/responses/NotFound");
        assertThat(description.at("/components/responses/NotFound/content")
                .get("application/problem+json").at("/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ProblemDetail");
        assertThat(description.at("/components/responses/BadRequest/content")
                .get("application/problem+json").at("/schema/$ref").asText())
                .isEqualTo("#/components/schemas/InvalidRequestProblem");
        assertThat(description.at("/components/responses/TooManyRequests/headers/Retry-After").isObject()).isTrue();
        assertThat(description.at("/components/responses/ServiceUnavailable/headers/Retry-After").isObject()).isTrue();
    }

    @Test
    void namesTheRolesOfEachOperationFromTheAccessRules() {
        assertThat(operation("/api/v1/doors/_search", "post").get("description").asText())
                .endsWith("Roles: AGENT, SUPERVISOR.");
        assertThat(operation("/api/v1/doors", "post").get("description").asText()).isEqualTo("Roles: ADMIN.");
    }

    @Test
    void describesTheProblemsInTheShapeThePlatformWritesThem() throws Exception {
        JsonNode refused = problem(client.get().uri("/api/v1/doors/d-1"), 401);
        JsonNode invalid = problem(client.get().uri("/api/v1/doors/d-1?q={q}", "x".repeat(300)), 400);

        Set<String> problem = properties("ProblemDetail");
        assertThat(fields(refused)).isSubsetOf(problem).containsAll(required("ProblemDetail"));
        Set<String> withErrors = new HashSet<>(problem);
        withErrors.addAll(properties("InvalidRequestProblem"));
        assertThat(fields(invalid)).isSubsetOf(withErrors).contains("errors");
        assertThat(fields(invalid.at("/errors/0"))).isEqualTo(properties("FieldError"));
    }

    @Test
    void takesNoParameterForWhoIsAskingWhichTheTokenSays() {
        JsonNode add = operation("/api/v1/doors", "post");

        assertThat(add.path("parameters").findValuesAsText("name")).doesNotContain("actor", "caller");
        assertThat(add.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Door");
    }

    @Test
    void answersTheYamlFormWithoutATokenToo() {
        client.get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk()
                .expectBody(String.class).value(yaml -> assertThat(yaml).contains("title: door-service"));
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = description.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as(method + " " + path + " in " + description.path("paths")).isTrue();
        return operation;
    }

    private static Set<String> codes(JsonNode operation) {
        return fields(operation.get("responses"));
    }

    private Set<String> properties(String schema) {
        JsonNode node = description.at("/components/schemas/" + schema);
        Set<String> names = new HashSet<>(fields(node.path("properties")));
        node.path("allOf").forEach(part -> names.addAll(fields(part.path("properties"))));
        return names;
    }

    private List<String> required(String schema) {
        return JSON.convertValue(description.at("/components/schemas/" + schema + "/required"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode problem(WebTestClient.RequestHeadersSpec<?> request, int status) throws Exception {
        byte[] body = request.exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    /** A service with one endpoint of each kind: a read by id, a change, a search and an open webhook. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = {MongoReactiveAutoConfiguration.class,
            MongoReactiveDataAutoConfiguration.class, MongoReactiveRepositoriesAutoConfiguration.class})
    static class DoorService {

        @Bean
        AccessRules accessRules() {
            return AccessRules.of(
                    allow(GET, "/api/v1/doors/{id}", AGENT),
                    allow(POST, "/api/v1/doors", ADMIN),
                    allow(POST, "/api/v1/doors/_search", AGENT, SUPERVISOR),
                    open(POST, "/api/v1/bell"));
        }

        @Bean
        DoorController doorController() {
            return new DoorController();
        }
    }

    record Door(@NotBlank String name) {
    }

    @RestController
    static class DoorController {

        @GetMapping("/api/v1/doors/{id}")
        Mono<Door> door(@PathVariable String id) {
            return Mono.error(Problems.notFound("door", id));
        }

        @PostMapping("/api/v1/doors")
        Mono<Door> add(@Valid @RequestBody Door door, @Actor String actor, Caller caller) {
            return Mono.just(door);
        }

        @PostMapping("/api/v1/doors/_search")
        Flux<Door> search(@RequestBody Door door) {
            return Flux.just(door);
        }

        @PostMapping("/api/v1/bell")
        Mono<Void> ring() {
            return Mono.empty();
        }
    }
}
