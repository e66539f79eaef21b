package closedloop.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing key outlives the process: two runs of the application as the embedded default starts it
 * ({@link IdentityIssuerApplication#application()}), one after the other on the same key file, publish the same key,
 * and a token the first signed is valid at the second.
 */
class IssuerRestartIntegrationTests {

    static final String ISSUER = "http://localhost:9000";

    @TempDir
    Path data;

    @Test
    void publishesTheSameKeyAfterARestartSoThatEarlierTokensStayValid() {
        Path keyFile = data.resolve("issuer").resolve("signing-key.json");
        String token;
        JsonNode firstKey;
        try (ConfigurableApplicationContext first = start(keyFile)) {
            IssuerCalls issuer = IssuerCalls.at(port(first));
            token = issuer.passwordGrant("li.ming", "demo").json().get("access_token").asText();
            firstKey = issuer.get("/oauth2/jwks").json().get("keys").get(0);
        }

        try (ConfigurableApplicationContext second = start(keyFile)) {
            IssuerCalls issuer = IssuerCalls.at(port(second));
            JsonNode secondKey = issuer.get("/oauth2/jwks").json().get("keys").get(0);
            assertThat(secondKey.get("kid")).isEqualTo(firstKey.get("kid"));
            assertThat(secondKey.get("n")).isEqualTo(firstKey.get("n"));
            Jwt verified = issuer.decode(token);
            assertThat(verified.getIssuer()).hasToString(ISSUER);
            assertThat(verified.getClaimAsString("preferred_username")).isEqualTo("li.ming");
        }
    }

    private static ConfigurableApplicationContext start(Path keyFile) {
        return IdentityIssuerApplication.application().run("--server.port=0", "--closedloop.issuer.url=" + ISSUER,
                "--closedloop.issuer.key-file=" + keyFile, "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
