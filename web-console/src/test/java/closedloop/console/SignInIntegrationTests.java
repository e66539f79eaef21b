package closedloop.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a person signs in to the console and out again, with the real identity issuer in the test's JVM: a page sends
 * the browser to the issuer's login page (authorization code flow with PKCE and OpenID Connect), the issuer sends it
 * back signed in, {@code /console/me} says who they are, the browser holds a session cookie and never a token, and
 * logout ends the session at the console and at the issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "spring.config.name=" + WebConsoleApplication.NAME)
@ContextConfiguration(initializers = OnReactorNetty.class)
class SignInIntegrationTests {

    static final int PORT = FreePort.next();
    static final String CONSOLE = "http://localhost:" + PORT;
    static final TestIssuer issuer = TestIssuer.forConsoleAt(PORT);

    @DynamicPropertySource
    static void console(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
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

    @Test
    void sendsAPageOfSomebodyNotSignedInToTheIssuerWithPkce() {
        Browser browser = new Browser(CONSOLE);

        List<Browser.Answer> hops = browser.follow(browser.open("/"));

        assertThat(hops.get(0).status()).isEqualTo(302);
        assertThat(hops.get(0).locationUri()).isEqualTo(URI.create(CONSOLE + "/oauth2/authorization/closedloop"));
        Browser.Answer toIssuer = hops.get(1);
        assertThat(toIssuer.status()).isEqualTo(302);
        URI authorize = toIssuer.locationUri();
        assertThat(authorize.toString()).startsWith(issuer.url() + "/oauth2/authorize?");
        Map<String, String> parameters = parameters(authorize);
        assertThat(parameters).containsEntry("response_type", "code")
                .containsEntry("client_id", "closedloop-console")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", CONSOLE + "/login/oauth2/code/closedloop")
                .containsKeys("code_challenge", "state", "nonce");
        assertThat(parameters.get("scope")).contains("openid", "profile");
        assertThat(hops.get(hops.size() - 1).uri()).isEqualTo(URI.create(issuer.url() + "/login"));
    }

    @Test
    void signsADispatcherInThroughTheIssuersLoginPage() {
        Browser browser = new Browser(CONSOLE);

        Browser.Answer page = browser.signIn("li.ming");

        assertThat(page.uri()).isEqualTo(URI.create(CONSOLE + "/"));
        assertThat(page.body()).contains("js/app.js");
        JsonNode me = browser.signedIn();
        assertThat(me.get("username").asText()).isEqualTo("li.ming");
        assertThat(texts(me.get("roles"))).containsExactly("DISPATCHER");
        assertThat(texts(me.get("branches"))).containsExactly("LIXIA-01");
        assertThat(me.get("logout").get("action").asText()).isEqualTo("/logout");
        assertThat(me.get("logout").get("parameter").asText()).isEqualTo("_csrf");
        assertThat(me.get("logout").get("token").asText()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"agent-017, AGENT", "sup.wang, SUPERVISOR", "desk.wu, DISPATCH_DESK", "admin, ADMIN"})
    void tellsWhoIsSignedInWithTheirRole(String username, String role) {
        Browser browser = new Browser(CONSOLE);
        browser.signIn(username);

        JsonNode me = browser.signedIn();

        assertThat(me.get("username").asText()).isEqualTo(username);
        assertThat(texts(me.get("roles"))).containsExactly(role);
        assertThat(texts(me.get("branches"))).isEmpty();
    }

    @Test
    void givesTheBrowserAnHttpOnlySameSiteSessionCookieAndNeverAToken() {
        Browser browser = new Browser(CONSOLE);
        browser.signIn("zhao.lei");
        browser.signedIn();

        List<Browser.Answer> fromTheConsole = browser.answers().stream()
                .filter(answer -> answer.uri().toString().startsWith(CONSOLE)).toList();
        String session = fromTheConsole.stream()
                .flatMap(answer -> answer.setCookies().stream())
                .filter(cookie -> cookie.startsWith(Browser.SESSION_COOKIE + "="))
                .reduce((first, last) -> last).orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").contains("SameSite=Lax", "Path=/");
        String csrf = fromTheConsole.stream()
                .flatMap(answer -> answer.setCookies().stream())
                .filter(cookie -> cookie.startsWith(Browser.CSRF_COOKIE + "="))
                .reduce((first, last) -> last).orElseThrow();
        assertThat(csrf).as("the scripts read the CSRF token").doesNotContainIgnoringCase("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(fromTheConsole).allSatisfy(answer -> {
            // a JSON Web Token (access or ID token) starts with the base64url of '{"' : eyJ
            assertThat(answer.body()).as(answer.uri().toString()).doesNotContain("eyJ");
            assertThat(answer.headers().map().toString()).as(answer.uri().toString()).doesNotContain("eyJ");
        });
        assertThat(browser.cookies()).containsOnlyKeys(Browser.SESSION_COOKIE, Browser.CSRF_COOKIE,
                "CLOSEDLOOP_ISSUER_SESSION");
    }

    @Test
    void answersTheQuestionWhoIsSignedInWith401WhenNobodyIs() {
        Browser browser = new Browser(CONSOLE);

        Browser.Answer answer = browser.fetch("/console/me");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.json().get("signIn").asText()).isEqualTo("/");
    }

    @Test
    void refusesALogoutWithoutTheCsrfToken() {
        Browser browser = new Browser(CONSOLE);
        browser.signIn("agent-017");

        Browser.Answer logout = browser.submit("/logout", Map.of());

        assertThat(logout.status()).isEqualTo(403);
        assertThat(browser.signedIn().get("username").asText()).isEqualTo("agent-017");
    }

    @Test
    void signsOutAtTheConsoleAndAtTheIssuerAndComesBackToTheConsole() {
        Browser browser = new Browser(CONSOLE);
        browser.signIn("sup.wang");
        JsonNode logoutForm = browser.signedIn().get("logout");

        Browser.Answer logout = browser.submit(logoutForm.get("action").asText(),
                Map.of(logoutForm.get("parameter").asText(), logoutForm.get("token").asText()));

        assertThat(logout.status()).isEqualTo(302);
        URI endSession = logout.locationUri();
        assertThat(endSession.toString()).startsWith(issuer.url() + "/connect/logout?");
        Map<String, String> parameters = parameters(endSession);
        assertThat(parameters).containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", CONSOLE + "/");
        Browser.Answer atTheIssuer = browser.open(endSession.toString());
        assertThat(atTheIssuer.status()).isEqualTo(302);
        assertThat(atTheIssuer.locationUri()).isEqualTo(URI.create(CONSOLE + "/"));

        assertThat(browser.fetch("/console/me").status()).as("signed out at the console").isEqualTo(401);
        List<Browser.Answer> again = browser.follow(browser.open("/"));
        Browser.Answer last = again.get(again.size() - 1);
        assertThat(last.uri()).as("signed out at the issuer: its login page again")
                .isEqualTo(URI.create(issuer.url() + "/login"));
        assertThat(last.status()).isEqualTo(200);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Map<String, String> parameters(URI uri) {
        Map<String, String> decoded = new LinkedHashMap<>();
        UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap()
                .forEach((name, value) -> decoded.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8)));
        return decoded;
    }
}
