package closedloop.console;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console starts while its issuer does not answer (every endpoint is a setting, nothing is discovered at start):
 * it sends a page to the issuer's authorization endpoint all the same, and answers the scripts 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + WebConsoleApplication.NAME)
@ContextConfiguration(initializers = OnReactorNetty.class)
class IssuerDownIntegrationTests {

    static final String ISSUER = "http://localhost:" + FreePort.next();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void anIssuerNobodyListensFor(DynamicPropertyRegistry registry) {
        registry.add("closedloop.console.issuer.url", () -> ISSUER);
    }

    @Test
    void startsAndSendsAPageToTheIssuerThatIsNotUpYet() {
        Browser browser = new Browser("http://localhost:" + port);

        Browser.Answer page = browser.open("/index.html");
        Browser.Answer signIn = browser.open(page.locationUri().toString());

        assertThat(page.status()).isEqualTo(302);
        // one request per connection (web-console.yml, server.netty.max-keep-alive-requests; see the platform's
        // KeepAliveStallUnitTests): a browser follows these redirects on fresh connections, never a held-back one
        assertThat(page.headers().firstValue("Connection")).contains("close");
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.locationUri().toString()).startsWith(ISSUER + "/oauth2/authorize?");
    }

    @Test
    void answersTheScriptsThatTheyMustSignIn() {
        Browser.Answer answer = new Browser("http://localhost:" + port).fetch("/api/v1/alerts");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void answersTheOperatorsProbesWithoutASignIn() {
        Browser.Answer health = new Browser("http://localhost:" + port).fetch("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }
}
