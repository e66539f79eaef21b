package closedloop.console;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's one origin for a signed-in person: each API path reaches the service that owns it with the person's
 * access token as {@code Authorization: Bearer …} and nothing of the browser's own (no {@code X-Actor}, no cookies),
 * with its body and live stream; a state-changing request needs the CSRF token. Four WireMock servers stand in for the
 * services; the real identity issuer signs the dispatcher li.ming in through its login page, so the token a service
 * receives is the one the issuer signed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "spring.config.name=" + WebConsoleApplication.NAME)
@ContextConfiguration(initializers = OnReactorNetty.class)
class ConsoleGatewayIntegrationTests {

    static final int PORT = FreePort.next();
    static final TestIssuer issuer = TestIssuer.forConsoleAt(PORT);
    static Browser dispatcher;

    @RegisterExtension
    static WireMockExtension intake = service();
    @RegisterExtension
    static WireMockExtension router = service();
    @RegisterExtension
    static WireMockExtension escalation = service();
    @RegisterExtension
    static WireMockExtension notification = service();

    @DynamicPropertySource
    static void consoleAndServices(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        services().forEach((name, server) -> registry.add("closedloop.console.services." + name, server::baseUrl));
        issuer.consoleProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    static void startTheIssuer() {
        issuer.start();
    }

    @AfterAll
    static void stopTheIssuer() {
        issuer.close();
    }

    /** Each service answers every request with its own name; li.ming is signed in once for the whole class. */
    @BeforeEach
    void eachServiceNamesItself() {
        services().forEach((name, server) -> server.stubFor(any(anyUrl()).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"service\":\"" + name + "\"}"))));
        if (dispatcher == null) {
            dispatcher = new Browser("http://localhost:" + PORT);
            dispatcher.signIn("li.ming");
        }
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
            "/api/v1/calendars, escalation-service",
            "/api/v1/obligations?branch=LIXIA-01, escalation-service",
            "/api/v1/problems?status=OPEN, escalation-service",
            "/api/v1/problems/PB-1, escalation-service",
            "/api/v1/callbacks?status=DUE, notification-service",
            "/api/v1/messages?complaintId=c-1, notification-service",
            "/api/v1/templates, notification-service",
    })
    void routesEachApiToTheServiceThatOwnsItWithTheSignedInPersonsToken(String path, String service) {
        Browser.Answer answer = dispatcher.fetch(path);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("service").asText()).isEqualTo(service);
        LoggedRequest received = onlyRequestTo(services().get(service));
        assertThat(received.getHeader("Authorization")).startsWith("Bearer ");
    }

    @ParameterizedTest
    @CsvSource({"complaint-intake", "ticket-router", "escalation-service", "notification-service"})
    void routesEachServicesDeadLettersUnderItsNameToTheServicesOwnPath(String service) {
        Browser.Answer answer = dispatcher.fetch("/api/v1/services/" + service + "/dead-letters?state=OPEN");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("service").asText()).isEqualTo(service);
        LoggedRequest received = onlyRequestTo(services().get(service));
        assertThat(received.getUrl()).isEqualTo("/api/v1/dead-letters?state=OPEN");
        assertThat(received.getHeader("Authorization")).startsWith("Bearer ");
    }

    @Test
    void relaysTheAccessTokenTheIssuerSignedForTheSignedInPerson() {
        dispatcher.fetch("/api/v1/tickets?branch=LIXIA-01");

        String bearer = onlyRequestTo(router).getHeader("Authorization");
        Jwt token = issuer.decode(bearer.substring("Bearer ".length()));
        assertThat(token.getClaimAsString("preferred_username")).isEqualTo("li.ming");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("DISPATCHER");
        assertThat(token.getClaimAsStringList("branches")).containsExactly("LIXIA-01");
        assertThat(token.getAudience()).containsExactly("closedloop");
    }

    @Test
    void routesTheSearchesThatCarryAPhoneInTheirBodyAndNoMoreThePathThatCarriedItInTheUrl() {
        Map<String, String> csrf = Map.of("X-XSRF-TOKEN", dispatcher.csrfToken());
        Browser.Answer complaints = dispatcher.fetch("POST", "/api/v1/complaints/_search",
                "{\"phone\":\"13800138000\",\"page\":0,\"size\":10}", csrf);
        assertThat(complaints.status()).as(complaints.body()).isEqualTo(200);
        assertThat(complaints.json().get("service").asText()).isEqualTo("complaint-intake");
        Browser.Answer messages = dispatcher.fetch("POST", "/api/v1/messages/_search",
                "{\"recipient\":\"13800138000\"}", csrf);
        assertThat(messages.json().get("service").asText()).isEqualTo("notification-service");

        intake.verify(postRequestedFor(urlEqualTo("/api/v1/complaints/_search"))
                .withRequestBody(equalToJson("{\"phone\":\"13800138000\",\"page\":0,\"size\":10}")));
        assertThat(dispatcher.fetch("/api/v1/customers/13800138000/complaints").status()).isEqualTo(404);
    }

    @Test
    void passesNothingOfTheBrowsersOwnAboutWhoItIs() {
        dispatcher.fetch("POST", "/api/v1/tickets/t-1/accept", "{}", Map.of(
                "X-XSRF-TOKEN", dispatcher.csrfToken(),
                "X-Actor", "sup.wang",
                "Authorization", "Bearer a-token-the-browser-made-up"));

        LoggedRequest received = onlyRequestTo(router);
        assertThat(received.containsHeader("X-Actor")).as("X-Actor").isFalse();
        assertThat(received.containsHeader("Cookie")).as("the browser's cookies").isFalse();
        assertThat(received.containsHeader("X-XSRF-TOKEN")).as("the CSRF token").isFalse();
        assertThat(received.getHeaders().getHeader("Authorization").values()).singleElement()
                .satisfies(bearer -> assertThat(issuer.decode(bearer.substring("Bearer ".length()))
                        .getClaimAsString("preferred_username")).isEqualTo("li.ming"));
    }

    @Test
    void passesTheBodyOfAStateChangingRequestThroughWithItsCsrfToken() {
        Browser.Answer answer = dispatcher.fetch("POST", "/api/v1/tickets/t-1/resolve", "{\"resolution\":\"退款\"}",
                Map.of("X-XSRF-TOKEN", dispatcher.csrfToken()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        router.verify(postRequestedFor(urlEqualTo("/api/v1/tickets/t-1/resolve"))
                .withRequestBody(equalToJson("{\"resolution\":\"退款\"}")));
    }

    @ParameterizedTest
    @CsvSource({"POST, ", "POST, not-the-cookies-token", "PUT, ", "PATCH, ", "DELETE, "})
    void refusesAStateChangingRequestWithoutTheCsrfTokenAndRoutesNothing(String method, String token) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("X-XSRF-TOKEN", token);

        Browser.Answer answer = dispatcher.fetch(method, "/api/v1/tickets/t-1/resolve", "{\"resolution\":\"退款\"}",
                headers);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.json().get("detail").asText()).contains("CSRF");
        assertThat(router.getAllServeEvents()).isEmpty();
        // the refused body was read to its end: the browser's next request on the same connection is answered
        assertThat(dispatcher.fetch("POST", "/api/v1/tickets/t-1/resolve", "{\"resolution\":\"退款\"}",
                Map.of("X-XSRF-TOKEN", dispatcher.csrfToken())).status()).isEqualTo(200);
    }

    @Test
    void streamsServerSentEventsThrough() {
        notification.stubFor(any(urlEqualTo("/api/v1/live?recipient=branch:LIXIA-01")).willReturn(aResponse()
                .withHeader("Content-Type", MediaType.TEXT_EVENT_STREAM_VALUE)
                .withBody("event:message\ndata:{\"purpose\":\"NEW_TICKET\"}\n\n")));

        List<ServerSentEvent<String>> events = signedInClient().get().uri("/api/v1/live?recipient=branch:LIXIA-01")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody().collectList().block();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("message");
            assertThat(event.data()).contains("NEW_TICKET");
        });
        assertThat(onlyRequestTo(notification).getHeader("Authorization")).startsWith("Bearer ");
    }

    @Test
    void servesTheConsoleAndItsChartLibraryFromTheJar() {
        signedInClient().get().uri("/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("js/app.js", "chart.umd.js"));
        signedInClient().get().uri("/webjars/chart.js/dist/chart.umd.js").exchange()
                .expectStatus().isOk();
    }

    @Test
    void keepsTheAdminApisOutOfReach() {
        Browser.Answer answer = dispatcher.fetch("POST", "/api/v1/admin/branch-directory/reload", null,
                Map.of("X-XSRF-TOKEN", dispatcher.csrfToken()));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(router.getAllServeEvents()).isEmpty();
    }

    @Test
    void routesTheCalendarUploadOfTheAdministratorsPageButNoOtherAdminApiOfEscalationService() {
        Map<String, String> csrf = Map.of("X-XSRF-TOKEN", dispatcher.csrfToken());

        Browser.Answer upload = dispatcher.fetch("PUT", "/api/v1/admin/calendars/CN/2031", "{\"year\":2031}", csrf);
        Browser.Answer policy = dispatcher.fetch("POST", "/api/v1/admin/policies", "{}", csrf);

        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        assertThat(upload.json().get("service").asText()).isEqualTo("escalation-service");
        assertThat(onlyRequestTo(escalation).getHeader("Authorization")).startsWith("Bearer ");
        escalation.verify(putRequestedFor(urlEqualTo("/api/v1/admin/calendars/CN/2031"))
                .withRequestBody(equalToJson("{\"year\":2031}")));
        assertThat(policy.status()).isEqualTo(404);
    }

    @Test
    void answersAScriptThatHasNotSignedInWithAProblemInsteadOfARedirect() {
        Browser stranger = new Browser("http://localhost:" + PORT);

        Browser.Answer answer = stranger.fetch("/api/v1/tickets?branch=LIXIA-01");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.json().get("title").asText()).isEqualTo("Sign-in required");
        assertThat(answer.json().get("signIn").asText()).isEqualTo("/");
        assertThat(answer.json().get("instance").asText()).isEqualTo("/api/v1/tickets");
        assertThat(router.getAllServeEvents()).isEmpty();
    }

    @Test
    void answersAStateChangingScriptThatHasNotSignedInWithAProblemToo() {
        Browser stranger = new Browser("http://localhost:" + PORT);
        stranger.fetch("/api/v1/tickets");

        Browser.Answer answer = stranger.fetch("POST", "/api/v1/tickets/t-1/accept", "{}",
                Map.of("X-XSRF-TOKEN", stranger.csrfToken()));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(router.getAllServeEvents()).isEmpty();
    }

    @Test
    void listsTheFourServicesDescriptionsInItsSwaggerUiWithTheCsrfTokenForTryingThemOut() {
        Browser.Answer config = dispatcher.fetch("/v3/api-docs/swagger-config");

        assertThat(config.status()).as(config.body()).isEqualTo(200);
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        config.json().get("urls").forEach(url -> urls.put(url.get("name").asText(), url.get("url").asText()));
        assertThat(urls).containsExactlyInAnyOrderEntriesOf(Map.of(
                "complaint-intake", "/api-docs/complaint-intake",
                "ticket-router", "/api-docs/ticket-router",
                "escalation-service", "/api-docs/escalation-service",
                "notification-service", "/api-docs/notification-service"));
        List<Browser.Answer> hops = dispatcher.follow(dispatcher.open("/swagger-ui.html"));
        Browser.Answer page = hops.get(hops.size() - 1);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        Browser.Answer initializer = dispatcher.fetch(page.uri().resolve("swagger-initializer.js").getPath());
        assertThat(initializer.body()).as("Try it out sends the CSRF cookie's token as the header")
                .contains("`; " + Browser.CSRF_COOKIE + "=`").contains("request.headers['X-XSRF-TOKEN']");
    }

    @ParameterizedTest
    @CsvSource({"complaint-intake", "ticket-router", "escalation-service", "notification-service"})
    void readsEachServicesDescriptionThroughItsRoute(String service) {
        Browser.Answer answer = dispatcher.fetch("/api-docs/" + service);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("service").asText()).isEqualTo(service);
        assertThat(onlyRequestTo(services().get(service)).getUrl()).isEqualTo("/v3/api-docs");
    }

    @Test
    void answersTheSwaggerUiOfAStrangerWithASignInProblem() {
        Browser stranger = new Browser("http://localhost:" + PORT);

        assertThat(stranger.fetch("/api-docs/ticket-router").status()).isEqualTo(401);
        assertThat(stranger.fetch("/v3/api-docs/swagger-config").status()).isEqualTo(401);
        assertThat(router.getAllServeEvents()).isEmpty();
    }

    /** A WebTestClient that sends the signed-in browser's cookies. */
    private static WebTestClient signedInClient() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + PORT)
                .defaultCookies(cookies -> dispatcher.cookies().forEach(cookies::add))
                .build();
    }

    private static LoggedRequest onlyRequestTo(WireMockExtension service) {
        List<LoggedRequest> requests = service.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static WireMockExtension service() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }
}
