package closedloop.localstack;

import closedloop.issuer.IdentityIssuerApplication;
import closedloop.platform.PlatformAutoConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.mongodb.reactivestreams.client.MongoClient;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity issuer started as the embedded default will start it, on the stack's one classpath with WebFlux, Kafka
 * and MongoDB beside it: a servlet application on Tomcat that issues a demo user's token, and picks up nothing of
 * the services'.
 */
class IssuerOnTheSharedClasspathIntegrationTests {

    @TempDir
    static Path data;

    static ConfigurableApplicationContext issuer;

    @BeforeAll
    static void startTheIssuerAlone() {
        issuer = IdentityIssuerApplication.application().run("--server.port=0", "--spring.main.banner-mode=off",
                "--closedloop.issuer.key-file=" + data.resolve("issuer").resolve("signing-key.json"));
    }

    @AfterAll
    static void stopTheIssuer() {
        issuer.close();
    }

    @Test
    void runsOnTomcatAndIssuesADemoUsersToken() throws Exception {
        assertThat(((WebServerApplicationContext) issuer).getWebServer()).isInstanceOf(TomcatWebServer.class);
        String port = issuer.getEnvironment().getProperty("local.server.port");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=closedloop-cli"
                        + "&username=li.ming&password=demo"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("access_token").asText()).isNotBlank();
    }

    @Test
    void picksUpNothingOfTheServices() {
        assertThat(issuer.getBeanNamesForType(KafkaAdmin.class)).isEmpty();
        assertThat(issuer.getBeanNamesForType(MongoClient.class)).isEmpty();
        assertThat(issuer.getBeanNamesForType(RouteLocator.class)).isEmpty();
        assertThat(issuer.getBeanNamesForType(PlatformAutoConfiguration.class)).isEmpty();
    }
}
