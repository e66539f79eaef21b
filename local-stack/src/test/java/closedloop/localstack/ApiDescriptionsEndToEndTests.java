package closedloop.localstack;

import closedloop.platform.security.AccessRule;
import closedloop.platform.security.AccessRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four services in one JVM, each in its own Spring context: each describes at {@code /v3/api-docs}, without a token,
 * its own API and no other's, exactly the endpoints of its access table, with the platform's bearer scheme.
 */
@ExtendWith(WholeStack.class)
class ApiDescriptionsEndToEndTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static LocalStack stack;

    @BeforeAll
    static void useTheSharedStack(LocalStack shared) {
        stack = shared;
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaint-intake", "ticket-router", "escalation-service", "notification-service"})
    void describesExactlyTheEndpointsOfItsOwnAccessTableWithoutAToken(String service) throws Exception {
        JsonNode description = read(stack.url(service) + "/v3/api-docs");
        Set<String> ruled = stack.context(service).getBean(AccessRules.class).rules().stream()
                .map(AccessRule::endpoint).collect(Collectors.toCollection(TreeSet::new));

        assertThat(description.at("/info/title").asText()).isEqualTo(service);
        assertThat(operations(description)).isEqualTo(ruled);
        assertThat(description.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(description.path("paths").findValuesAsText("name")).as("parameters the token says")
                .doesNotContain("actor", "caller");
    }

    @Test
    void describesTheSignedSmsWebhookAsOpenWithTheAnswersOfItsSignatureCheck() throws Exception {
        JsonNode replies = read(stack.url("notification-service") + "/v3/api-docs")
                .path("paths").path("/api/v1/sms/replies").path("post");

        assertThat(replies.get("security")).isNotNull().isEmpty();
        assertThat(replies.at("/responses/200/content").isObject()).isTrue();
        assertThat(replies.at("/responses/401/description").asText()).contains("signed");
        assertThat(replies.at("/responses/429/description").asText()).contains("locked");
    }

    @Test
    void describesASearchsCriteriaAsTheQueryParametersTheyAre() throws Exception {
        JsonNode search = read(stack.url("complaint-intake") + "/v3/api-docs")
                .path("paths").path("/api/v1/complaints").path("get");

        assertThat(search.path("parameters").findValuesAsText("name")).contains("status", "category", "branch")
                .doesNotContain("search", "phone");
    }

    /** What each service describes, kept for a person to read: {@code target/api-docs/<service>.json}. */
    @AfterAll
    static void keepTheDescriptions() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "api-docs"));
        for (String service : List.of("complaint-intake", "ticket-router", "escalation-service",
                "notification-service")) {
            Files.writeString(folder.resolve(service + ".json"), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(read(stack.url(service) + "/v3/api-docs")));
        }
    }

    private static Set<String> operations(JsonNode description) {
        Set<String> operations = new TreeSet<>();
        description.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    private static JsonNode read(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
