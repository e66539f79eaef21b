package closedloop.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer over real HTTP as scripts and integrations use it: the password grant of the command-line client, the
 * client credentials of the web portal, the tokens' claims verified against the JWKS the discovery document names,
 * and the refusals. The issuer runs on a free port that is also its name, as it does on the embedded default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "spring.config.name=" + IdentityIssuerApplication.NAME)
class IdentityIssuerIntegrationTests {

    static final int PORT = FreePort.next();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("closedloop.issuer.url", () -> "http://localhost:" + PORT);
        registry.add("closedloop.issuer.key-file", () -> data.resolve("issuer").resolve("signing-key.json").toString());
    }

    final IssuerCalls issuer = IssuerCalls.at(PORT);

    @Test
    void issuesADispatcherATokenWithTheirRolesAndBranchesForTheirPassword() {
        IssuerCalls.Answer answer = issuer.passwordGrant("li.ming", "demo");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.json().get("expires_in").asLong()).isBetween(3500L, 3600L);
        assertThat(answer.json().has("refresh_token")).isFalse();
        Jwt token = issuer.decode(answer.json().get("access_token").asText());
        assertThat(token.getHeaders()).containsEntry("alg", "RS256");
        assertThat(token.getIssuer()).hasToString("http://localhost:" + PORT);
        assertThat(token.getSubject()).isEqualTo("li.ming");
        assertThat(token.getAudience()).contains("closedloop");
        assertThat(token.getClaimAsString("preferred_username")).isEqualTo("li.ming");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("DISPATCHER");
        assertThat(token.getClaimAsStringList("branches")).containsExactly("LIXIA-01");
        assertThat(token.getExpiresAt()).isAfter(Instant.now());
        assertThat(token.getIssuedAt()).isBefore(token.getExpiresAt());
        assertThat(token.getNotBefore()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "agent-017 | AGENT         | ''",
            "li.ming   | DISPATCHER    | LIXIA-01",
            "zhao.lei  | DISPATCHER    | SHIZHONG-01",
            "qian.hua  | DISPATCHER    | HUAIYIN-01",
            "sun.li    | DISPATCHER    | TIANQIAO-01",
            "zhou.jie  | DISPATCHER    | LICHENG-01",
            "desk.wu   | DISPATCH_DESK | ''",
            "sup.wang  | SUPERVISOR    | ''",
            "admin     | ADMIN         | ''"})
    void givesEveryDemoUserTheirRoleAndBranches(String username, String role, String branch) {
        Jwt token = issuer.decode(issuer.passwordGrant(username, "demo").json().get("access_token").asText());

        assertThat(token.getClaimAsString("preferred_username")).isEqualTo(username);
        assertThat(token.getClaimAsStringList("roles")).containsExactly(role);
        assertThat(token.getClaimAsStringList("branches"))
                .isEqualTo(branch.isEmpty() ? List.of() : List.of(branch));
    }

    @Test
    void answersAWrongPasswordAndAnUnknownUserAlikeWithInvalidGrant() {
        IssuerCalls.Answer wrongPassword = issuer.passwordGrant("li.ming", "not-demo");
        IssuerCalls.Answer unknownUser = issuer.passwordGrant("nobody", "demo");

        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(unknownUser.status()).isEqualTo(400);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void refusesThePasswordGrantToAnUnknownClient() {
        IssuerCalls.Answer answer = issuer.post("/oauth2/token", Map.of("grant_type", "password",
                "client_id", "somebody-else", "username", "li.ming", "password", "demo"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void refusesThePasswordGrantToClientsNotRegisteredForIt() {
        Map<String, String> form = Map.of("grant_type", "password", "username", "li.ming", "password", "demo");

        IssuerCalls.Answer console = issuer.postAsClient("/oauth2/token", "closedloop-console",
                "closedloop-console-demo-secret", form);
        IssuerCalls.Answer webPortal = issuer.postAsClient("/oauth2/token", "closedloop-web-portal",
                "closedloop-web-portal-demo-secret", form);
        IssuerCalls.Answer consoleWithoutItsSecret = issuer.post("/oauth2/token", Map.of("grant_type", "password",
                "client_id", "closedloop-console", "username", "li.ming", "password", "demo"));

        assertThat(console.status()).isEqualTo(400);
        assertThat(console.json().get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(webPortal.status()).isEqualTo(400);
        assertThat(webPortal.json().get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(consoleWithoutItsSecret.status()).isEqualTo(401);
        assertThat(consoleWithoutItsSecret.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void refusesAPasswordGrantWithoutAPasswordOrWithAScopeNotRegistered() {
        IssuerCalls.Answer noPassword = issuer.post("/oauth2/token", Map.of("grant_type", "password",
                "client_id", "closedloop-cli", "username", "li.ming"));
        IssuerCalls.Answer otherScope = issuer.post("/oauth2/token", Map.of("grant_type", "password",
                "client_id", "closedloop-cli", "username", "li.ming", "password", "demo", "scope", "admin"));

        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(otherScope.status()).isEqualTo(400);
        assertThat(otherScope.json().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void answersATokenRequestWithoutAClientWith401RatherThanTheSignInPage() {
        IssuerCalls.Answer answer = issuer.post("/oauth2/token", Map.of("grant_type", "password",
                "username", "li.ming", "password", "demo"));

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void issuesTheWebPortalATokenAsWebPortalWithRoleIntakeClient() {
        IssuerCalls.Answer answer = issuer.postAsClient("/oauth2/token", "closedloop-web-portal",
                "closedloop-web-portal-demo-secret", Map.of("grant_type", "client_credentials"));

        assertThat(answer.status()).isEqualTo(200);
        Jwt token = issuer.decode(answer.json().get("access_token").asText());
        assertThat(token.getSubject()).isEqualTo("closedloop-web-portal");
        assertThat(token.getAudience()).containsExactly("closedloop");
        assertThat(token.getClaimAsString("preferred_username")).isEqualTo("web-portal");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("INTAKE_CLIENT");
        assertThat(token.getClaimAsStringList("branches")).isEmpty();
    }

    @Test
    void refusesTheWebPortalAWrongSecret() {
        IssuerCalls.Answer answer = issuer.postAsClient("/oauth2/token", "closedloop-web-portal", "guessed",
                Map.of("grant_type", "client_credentials"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void namesItselfItsKeysAndItsEndpointsInTheDiscoveryDocument() {
        JsonNode discovery = issuer.get("/.well-known/openid-configuration").json();
        String base = "http://localhost:" + PORT;

        assertThat(discovery.get("issuer").asText()).isEqualTo(base);
        assertThat(discovery.get("jwks_uri").asText()).isEqualTo(base + "/oauth2/jwks");
        assertThat(discovery.get("token_endpoint").asText()).isEqualTo(base + "/oauth2/token");
        assertThat(discovery.get("authorization_endpoint").asText()).isEqualTo(base + "/oauth2/authorize");
        assertThat(discovery.get("userinfo_endpoint").asText()).isEqualTo(base + "/userinfo");
        assertThat(discovery.get("end_session_endpoint").asText()).isEqualTo(base + "/connect/logout");
        JsonNode keys = issuer.get(discovery.get("jwks_uri").asText()).json().get("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(keys.get(0).get("kid").asText()).isNotBlank();
        assertThat(keys.get(0).has("d")).as("no private part published").isFalse();
    }

    @Test
    void keepsItsSigningKeyInTheKeyFileReadableByItsOwnerOnly() throws Exception {
        Path keyFile = data.resolve("issuer").resolve("signing-key.json");

        assertThat(keyFile).exists();
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrderElementsOf(PosixFilePermissions.fromString("rw-------"));
        String kid = issuer.get("/oauth2/jwks").json().get("keys").get(0).get("kid").asText();
        assertThat(Files.readString(keyFile)).contains("\"kid\":\"" + kid + "\"");
    }

    @Test
    void tokensLiveAsLongAsTheSettingSays() {
        Jwt token = issuer.decode(issuer.passwordGrant("sup.wang", "demo").json().get("access_token").asText());

        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(1));
    }
}
