package closedloop.issuer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer with the password grant turned off, as outside a demo: the command-line client is not registered, so no
 * username and password gets a token, while the other clients work as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + IdentityIssuerApplication.NAME,
                "closedloop.issuer.password-grant-enabled=false"})
class PasswordGrantDisabledIntegrationTests {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("closedloop.issuer.key-file", () -> data.resolve("signing-key.json").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void refusesThePasswordGrant() {
        IssuerCalls.Answer answer = IssuerCalls.at(port).passwordGrant("li.ming", "demo");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void refusesThePasswordGrantToAConfidentialClientToo() {
        IssuerCalls.Answer answer = IssuerCalls.at(port).postAsClient("/oauth2/token", "closedloop-web-portal",
                "closedloop-web-portal-demo-secret",
                Map.of("grant_type", "password", "username", "li.ming", "password", "demo"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void stillIssuesTheWebPortalItsTokens() {
        IssuerCalls.Answer answer = IssuerCalls.at(port).postAsClient("/oauth2/token", "closedloop-web-portal",
                "closedloop-web-portal-demo-secret", Map.of("grant_type", "client_credentials"));

        assertThat(answer.status()).isEqualTo(200);
    }
}
