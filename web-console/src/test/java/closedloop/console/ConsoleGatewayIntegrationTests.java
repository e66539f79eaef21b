package closedloop.console;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's one origin: each API path reaches the service that owns it, with its headers, body and live stream,
 * and a service that does not answer is a 503 problem naming it. Four WireMock servers stand in for the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + WebConsoleApplication.NAME)
@AutoConfigureWebTestClient
class ConsoleGatewayIntegrationTests {

    @RegisterExtension
    static WireMockExtension intake = service();
    @RegisterExtension
    static WireMockExtension router = service();
    @RegisterExtension
    static WireMockExtension escalation = service();
    @RegisterExtension
    static WireMockExtension notification = service();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services().forEach((name, server) -> registry.add("closedloop.console.services." + name, server::baseUrl));
    }

    /** Each service answers every request with its own name. */
    @BeforeEach
    void eachServiceNamesItself() {
        services().forEach((name, server) -> server.stubFor(any(anyUrl()).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"service\":\"" + name + "\"}"))));
    }

    private static Map<String, WireMockExtension> services() {
        return Map.of("complaint-intake", intake, "ticket-router", router, "escalation-service", escalation,
                "notification-service", notification);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/complaints?page=0, complaint-intake",
            "/api/v1/complaints/c-1, complaint-intake",
            "/api/v1/tickets?branch=LIXIA-01, ticket-router",
            "/api/v1/branches, ticket-router",
            "/api/v1/branches/league, escalation-service",
            "/api/v1/alerts, escalation-service",
            "/api/v1/extensions?status=PENDING, escalation-service",
            "/api/v1/office-meeting/agenda, escalation-service",
            "/api/v1/dossiers/c-1, escalation-service",
            "/api/v1/clocks/c-1, escalation-service",
            "/api/v1/escalations?complaintId=c-1, escalation-service",
            "/api/v1/callbacks?status=DUE, notification-service",
            "/api/v1/messages?complaintId=c-1, notification-service",
            "/api/v1/templates, notification-service",
    })
    void routesEachApiToTheServiceThatOwnsIt(String path, String service) {
        client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);
    }

    @Test
    void routesTheSearchesThatCarryAPhoneInTheirBodyAndNoMoreThePathThatCarriedItInTheUrl() {
        client.post().uri("/api/v1/complaints/_search").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\":\"13800138000\",\"page\":0,\"size\":10}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("complaint-intake");
        client.post().uri("/api/v1/messages/_search").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"recipient\":\"13800138000\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("notification-service");

        intake.verify(postRequestedFor(urlEqualTo("/api/v1/complaints/_search"))
                .withRequestBody(equalToJson("{\"phone\":\"13800138000\",\"page\":0,\"size\":10}")));
        client.get().uri("/api/v1/customers/13800138000/complaints").exchange().expectStatus().isNotFound();
    }

    @Test
    void passesTheActorAndTheBodyThrough() {
        client.post().uri("/api/v1/tickets/t-1/resolve").header("X-Actor", "li.ming")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"resolution\":\"退款\"}")
                .exchange()
                .expectStatus().isOk();

        router.verify(postRequestedFor(urlEqualTo("/api/v1/tickets/t-1/resolve"))
                .withHeader("X-Actor", equalTo("li.ming"))
                .withRequestBody(equalToJson("{\"resolution\":\"退款\"}")));
    }

    @Test
    void streamsServerSentEventsThrough() {
        notification.stubFor(any(urlEqualTo("/api/v1/live?recipient=branch:LIXIA-01")).willReturn(aResponse()
                .withHeader("Content-Type", MediaType.TEXT_EVENT_STREAM_VALUE)
                .withBody("event:message\ndata:{\"purpose\":\"NEW_TICKET\"}\n\n")));

        List<ServerSentEvent<String>> events = client.get().uri("/api/v1/live?recipient=branch:LIXIA-01")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody().collectList().block();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("message");
            assertThat(event.data()).contains("NEW_TICKET");
        });
    }

    @Test
    void servesTheConsoleAndItsChartLibraryFromTheJar() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("js/app.js", "chart.umd.js"));
        client.get().uri("/webjars/chart.js/dist/chart.umd.js").exchange()
                .expectStatus().isOk();
    }

    @Test
    void keepsTheAdminApisOutOfReach() {
        client.post().uri("/api/v1/admin/branch-directory/reload").exchange()
                .expectStatus().isNotFound();
        assertThat(router.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().contains("admin"));
    }

    private static WireMockExtension service() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }
}
