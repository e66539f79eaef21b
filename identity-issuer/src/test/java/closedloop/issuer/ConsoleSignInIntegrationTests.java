package closedloop.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the console signs a person in and out, over real HTTP as its browser and its back end make the calls: the
 * authorization code flow with PKCE through the issuer's sign-in page, the code exchanged for access, ID and refresh
 * tokens, the user info, a refresh, and RP-initiated logout back to the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"spring.config.name=" + IdentityIssuerApplication.NAME,
                "closedloop.issuer.console.url=http://localhost:18080",
                "closedloop.issuer.console.secret=console-secret-of-this-test"})
class ConsoleSignInIntegrationTests {

    static final int PORT = FreePort.next();
    static final String REDIRECT_URI = "http://localhost:18080/login/oauth2/code/closedloop";
    static final String CONSOLE = "closedloop-console";
    static final String SECRET = "console-secret-of-this-test";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("closedloop.issuer.url", () -> "http://localhost:" + PORT);
        registry.add("closedloop.issuer.key-file", () -> data.resolve("signing-key.json").toString());
    }

    final IssuerCalls browser = IssuerCalls.browserAt(PORT);
    final IssuerCalls console = IssuerCalls.at(PORT);
    final String verifier = randomVerifier();

    @Test
    void signsADispatcherInWithTheAuthorizationCodeFlowAndPkce() {
        String code = signIn("li.ming", "demo");

        JsonNode tokens = exchange(code);

        Jwt accessToken = console.decode(tokens.get("access_token").asText());
        assertThat(accessToken.getAudience()).containsExactly("closedloop");
        assertThat(accessToken.getClaimAsString("preferred_username")).isEqualTo("li.ming");
        assertThat(accessToken.getClaimAsStringList("roles")).containsExactly("DISPATCHER");
        assertThat(accessToken.getClaimAsStringList("branches")).containsExactly("LIXIA-01");
        Jwt idToken = console.decode(tokens.get("id_token").asText());
        assertThat(idToken.getAudience()).containsExactly(CONSOLE);
        assertThat(idToken.getClaimAsString("nonce")).isEqualTo("nonce-1");
        assertThat(idToken.getClaimAsString("preferred_username")).isEqualTo("li.ming");
        assertThat(idToken.getClaimAsStringList("roles")).containsExactly("DISPATCHER");
        assertThat(idToken.getClaimAsStringList("branches")).containsExactly("LIXIA-01");
        assertThat(tokens.get("refresh_token").asText()).isNotBlank();
        assertThat(tokens.get("scope").asText()).contains("openid", "profile");
    }

    @Test
    void tellsTheConsoleWhoSignedInThroughTheUserInfo() {
        JsonNode tokens = exchange(signIn("sup.wang", "demo"));

        IssuerCalls.Answer userInfo = console.getWithBearer("/userinfo", tokens.get("access_token").asText());

        assertThat(userInfo.status()).isEqualTo(200);
        assertThat(userInfo.json().get("sub").asText()).isEqualTo("sup.wang");
        assertThat(userInfo.json().get("preferred_username").asText()).isEqualTo("sup.wang");
        assertThat(userInfo.json().get("roles")).hasSize(1);
        assertThat(userInfo.json().get("roles").get(0).asText()).isEqualTo("SUPERVISOR");
        assertThat(userInfo.json().get("branches")).isEmpty();
    }

    @Test
    void refreshesTheTokensOfASignedInPersonWithTheSameClaims() {
        JsonNode tokens = exchange(signIn("zhao.lei", "demo"));

        IssuerCalls.Answer refreshed = console.postAsClient("/oauth2/token", CONSOLE, SECRET,
                Map.of("grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asText()));

        assertThat(refreshed.status()).isEqualTo(200);
        Jwt accessToken = console.decode(refreshed.json().get("access_token").asText());
        assertThat(accessToken.getClaimAsString("preferred_username")).isEqualTo("zhao.lei");
        assertThat(accessToken.getClaimAsStringList("branches")).containsExactly("SHIZHONG-01");
        assertThat(accessToken.getAudience()).containsExactly("closedloop");
    }

    @Test
    void sendsAWrongPasswordBackToTheSignInPage() {
        browser.get(authorizationRequest());
        IssuerCalls.Answer signIn = submitSignIn("li.ming", "wrong");

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).endsWith("/login?error");
    }

    @Test
    void endsTheSessionAtTheIssuerOnLogoutAndSendsTheBrowserBackToTheConsole() {
        JsonNode tokens = exchange(signIn("agent-017", "demo"));

        IssuerCalls.Answer logout = browser.get(UriComponentsBuilder.fromUriString("/connect/logout")
                .queryParam("id_token_hint", tokens.get("id_token").asText())
                .queryParam("post_logout_redirect_uri", "http://localhost:18080/")
                .queryParam("state", "bye")
                .build().toUriString());

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo("http://localhost:18080/?state=bye");
        IssuerCalls.Answer again = browser.get(authorizationRequest());
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location()).endsWith("/login");
    }

    @Test
    void refusesAnAuthorizationRequestWithoutPkce() {
        String withoutPkce = UriComponentsBuilder.fromUriString("/oauth2/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", CONSOLE)
                .queryParam("scope", "openid profile")
                .queryParam("redirect_uri", REDIRECT_URI)
                .queryParam("state", "state-1")
                .encode().build().toUriString();

        IssuerCalls.Answer answer = browser.get(withoutPkce);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).startsWith(REDIRECT_URI).contains("error=invalid_request");
    }

    @Test
    void refusesARedirectUriOtherThanTheConsoles() {
        String elsewhere = authorizationRequest().replace("localhost:18080/login", "evil.example/login");
        assertThat(elsewhere).contains("evil.example");

        IssuerCalls.Answer answer = browser.get(elsewhere);

        assertThat(answer.status()).isEqualTo(400);
    }

    /** The browser's part: the authorization request, the sign-in page, the form, and back with a code. */
    private String signIn(String username, String password) {
        IssuerCalls.Answer authorize = browser.get(authorizationRequest());
        assertThat(authorize.status()).isEqualTo(302);
        assertThat(authorize.location()).endsWith("/login");

        IssuerCalls.Answer signedIn = submitSignIn(username, password);
        assertThat(signedIn.status()).isEqualTo(302);

        IssuerCalls.Answer backToConsole = browser.get(signedIn.location());
        assertThat(backToConsole.status()).isEqualTo(302);
        URI redirect = URI.create(backToConsole.location());
        assertThat(redirect.toString()).startsWith(REDIRECT_URI);
        Map<String, String> parameters = UriComponentsBuilder.fromUri(redirect).build().getQueryParams().toSingleValueMap();
        assertThat(parameters).containsEntry("state", "state-1");
        return parameters.get("code");
    }

    /** The sign-in page as Spring Security renders it: fields username and password, and its CSRF token. */
    private IssuerCalls.Answer submitSignIn(String username, String password) {
        IssuerCalls.Answer page = browser.get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"", "name=\"password\"", "action=\"/login\"");
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        return browser.post("/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
    }

    /** The console's back end: the code and the PKCE verifier for the tokens, with the console's secret. */
    private JsonNode exchange(String code) {
        IssuerCalls.Answer answer = console.postAsClient("/oauth2/token", CONSOLE, SECRET, Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "code_verifier", verifier));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String authorizationRequest() {
        return UriComponentsBuilder.fromUriString("/oauth2/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", CONSOLE)
                .queryParam("scope", "openid profile")
                .queryParam("redirect_uri", REDIRECT_URI)
                .queryParam("state", "state-1")
                .queryParam("nonce", "nonce-1")
                .queryParam("code_challenge", challenge(verifier))
                .queryParam("code_challenge_method", "S256")
                .encode().build().toUriString();
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
