package closedloop.intake;

import closedloop.platform.security.Role;
import closedloop.testsupport.EmbeddedInfrastructure;
import closedloop.testsupport.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may register a complaint, proved on {@code POST /api/v1/complaints} with real signed tokens: every token that
 * is not valid for this service is a 401 problem with a Bearer challenge and stores nothing; a Keycloak-shaped token
 * is taken exactly like the embedded issuer's; the actor is the token's {@code preferred_username}, never a header.
 */
@EmbeddedInfrastructure
@SpringBootTest(classes = ComplaintIntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ComplaintIntakeApplication.NAME)
class SignedInCallersIntegrationTests {

    private static final TestIssuer ISSUER = TestIssuer.get();

    @Autowired
    WebTestClient web;
    @LocalServerPort
    int port;

    @Test
    void refusesARequestWithoutATokenWithABearerChallenge() {
        web.post().uri("/api/v1/complaints").headers(headers -> headers.setBearerAuth("not-a-jwt"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint("13900000001"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"));
        WebTestClient.bindToServer().baseUrl(baseUrl()).build()
                .post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(complaint("13900000002"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "not yet valid", "wrong signature", "unsigned", "other issuer",
            "other audience", "no name", "reserved name system", "reserved name sms", "name too long"})
    void refusesATokenThatIsNotValidForThisService(String flaw) {
        web.post().uri("/api/v1/complaints").headers(TestIssuer.bearer(flawed(flaw)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint("13900000003"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
    }

    @Test
    void refusesAValidTokenWithoutTheRoleWith403() {
        web.post().uri("/api/v1/complaints").headers(TestIssuer.as("sup.wang", List.of(Role.SUPERVISOR)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint("13900000004"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Forbidden");
    }

    @Test
    void refusesTokensOfAKeyTheIssuerNeverPublishedWithoutFetchingItsKeysForEach() {
        String unpublished = ISSUER.signWithUnpublishedKey(
                ISSUER.claims("agent-017", List.of(Role.AGENT), List.of()).build());
        int fetchedBefore = ISSUER.keyFetches();

        for (int i = 0; i < 20; i++) {
            web.post().uri("/api/v1/complaints").headers(TestIssuer.bearer(unpublished))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint("13900000009"))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                            value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
        }

        // Nimbus' rate limit: at most two fetches in 30 s, however many unknown key ids arrive
        assertThat(ISSUER.keyFetches() - fetchedBefore).isLessThanOrEqualTo(2);
        register(TestIssuer.as("agent-017", List.of(Role.AGENT)), "13900000010");
    }

    @Test
    void writesTheTokensNameAsTheActorWhateverXActorClaims() {
        JsonNode registered = register(TestIssuer.as("agent-017", List.of(Role.AGENT)), "13900000005");
        assertThat(timelineActors(registered.get("id").asText())).containsOnly("agent-017");
    }

    @Test
    void takesAKeycloakShapedTokenLikeTheEmbeddedIssuers() {
        JWTClaimsSet keycloak = new JWTClaimsSet.Builder(ISSUER.claims("portal-agent", List.of(), List.of()).build())
                .audience(List.of("closedloop", "account"))
                .claim("typ", "Bearer")
                .claim("azp", "closedloop-console")
                .claim("scope", "openid profile email")
                .claim("realm_access", Map.of("roles", List.of("AGENT", "offline_access", "uma_authorization")))
                .claim("resource_access", Map.of("account", Map.of("roles", List.of("manage-account"))))
                .claim("roles", List.of("AGENT", "offline_access", "uma_authorization"))
                .claim("branches", List.of())
                .claim("email_verified", false)
                .build();
        JsonNode registered = register(TestIssuer.bearer(ISSUER.sign(keycloak)), "13900000006");
        assertThat(timelineActors(registered.get("id").asText())).containsOnly("portal-agent");
    }

    @Test
    void letsAnIntegrationRegisterButNotRead() {
        JsonNode registered = register(TestIssuer.as("web-portal", List.of(Role.INTAKE_CLIENT)), "13900000007");
        web.get().uri("/api/v1/complaints/{id}", registered.get("id").asText())
                .headers(TestIssuer.as("web-portal", List.of(Role.INTAKE_CLIENT)))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void hidesAComplaintNotAtTheirBranchFromADispatcher() {
        String id = register(TestIssuer.as("agent-017", List.of(Role.AGENT)), "13900000008").get("id").asText();
        web.get().uri("/api/v1/complaints/{id}", id)
                .headers(TestIssuer.as("zhao.lei", List.of(Role.DISPATCHER), "SHIZHONG-01"))
                .exchange()
                .expectStatus().isNotFound();
    }

    private JsonNode register(Consumer<HttpHeaders> signedIn, String phone) {
        return web.post().uri("/api/v1/complaints").headers(signedIn).header("X-Actor", "mallory")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint(phone))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> timelineActors(String id) {
        JsonNode complaint = web.get().uri("/api/v1/complaints/{id}", id).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> actors = new ArrayList<>();
        complaint.get("timeline").forEach(entry -> actors.add(entry.get("actor").asText()));
        return actors;
    }

    private String flawed(String flaw) {
        Instant now = Instant.now();
        JWTClaimsSet valid = ISSUER.claims("agent-017", List.of(Role.AGENT), List.of()).build();
        UnaryOperator<JWTClaimsSet.Builder> change = switch (flaw) {
            case "expired" -> claims -> claims.issueTime(Date.from(now.minus(Duration.ofHours(2))))
                    .notBeforeTime(Date.from(now.minus(Duration.ofHours(2))))
                    .expirationTime(Date.from(now.minus(Duration.ofHours(1))));
            case "not yet valid" -> claims -> claims.notBeforeTime(Date.from(now.plus(Duration.ofHours(1))));
            case "other issuer" -> claims -> claims.issuer("http://issuer.example");
            case "other audience" -> claims -> claims.audience("another-system");
            case "no name" -> claims -> claims.claim("preferred_username", null);
            case "reserved name system" -> claims -> claims.claim("preferred_username", "system");
            case "reserved name sms" -> claims -> claims.claim("preferred_username", "sms:13900000003");
            case "name too long" -> claims -> claims.claim("preferred_username", "a".repeat(65));
            default -> claims -> claims;
        };
        JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder(valid)).build();
        return switch (flaw) {
            case "wrong signature" -> ISSUER.signWithForeignKey(claims);
            case "unsigned" -> TestIssuer.unsigned(claims);
            default -> ISSUER.sign(claims);
        };
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private static Map<String, Object> complaint(String phone) {
        return Map.of("channel", "HOTLINE", "category", "BILLING",
                "customer", Map.of("name", "Wang Fang", "phone", phone),
                "district", "Lixia", "description", "Charged twice");
    }
}
