package closedloop.console;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in person's access token outlives neither its lifetime nor the issuer's memory of the sign-in: the console
 * refreshes it before it expires, and when the issuer no longer refreshes it (here: restarted, it forgot every
 * sign-in) the console ends the session and tells the page to sign in again. The issuer's access tokens live 30
 * seconds here, less than the minute before expiry at which the console refreshes, so every request refreshes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "spring.config.name=" + WebConsoleApplication.NAME)
@ContextConfiguration(initializers = OnReactorNetty.class)
class TokenRefreshIntegrationTests {

    static final int PORT = FreePort.next();
    static final TestIssuer issuer = TestIssuer.forConsoleAt(PORT);
    static final String SHORT_LIVED = "--closedloop.issuer.access-token-lifetime=PT30S";

    @RegisterExtension
    static WireMockExtension router = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void console(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("closedloop.console.services.ticket-router", router::baseUrl);
        issuer.consoleProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    static void startTheIssuer() {
        issuer.start(SHORT_LIVED);
    }

    @AfterAll
    static void stopTheIssuer() {
        issuer.close();
    }

    @BeforeEach
    void theRouterAnswers() {
        router.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("[]")));
    }

    @Test
    void relaysAFreshAccessTokenWhenTheOneItHoldsIsAboutToExpire() {
        Browser browser = new Browser("http://localhost:" + PORT);
        browser.signIn("qian.hua");

        browser.fetch("/api/v1/tickets?branch=HUAIYIN-01");
        browser.fetch("/api/v1/tickets?branch=HUAIYIN-01");

        List<String> tokens = router.findAll(anyRequestedFor(anyUrl())).stream()
                .map(request -> request.getHeader("Authorization").substring("Bearer ".length())).toList();
        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
        assertThat(tokens).allSatisfy(token -> {
            Jwt jwt = issuer.decode(token);
            assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("qian.hua");
            assertThat(jwt.getClaimAsStringList("branches")).containsExactly("HUAIYIN-01");
        });
    }

    @Test
    void endsTheSessionAndAsksForANewSignInWhenTheIssuerNoLongerRefreshesTheTokens() {
        Browser browser = new Browser("http://localhost:" + PORT);
        browser.signIn("sun.li");
        issuer.stop();
        issuer.start(SHORT_LIVED);

        Browser.Answer answer = browser.fetch("/api/v1/tickets?branch=TIANQIAO-01");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.json().get("signIn").asText()).isEqualTo("/");
        assertThat(router.getAllServeEvents()).isEmpty();
        assertThat(browser.fetch("/console/me").status()).as("the console's session ended").isEqualTo(401);
        assertThat(browser.signIn("sun.li").status()).as("signed in again").isEqualTo(200);
    }
}
