package closedloop.deploy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images' health probe ({@code deploy/docker/HealthCheck.java}, run by docker-compose's health checks) against a
 * server that is ready, one that is not, and an address where nothing listens.
 */
class HealthCheckIntegrationTests {

    private static final Path SOURCE = RepositoryFiles.path("deploy/docker/HealthCheck.java");

    private final HttpServer server = server();

    @AfterEach
    void stopTheServer() {
        server.stop(0);
    }

    @Test
    void exitsZeroWhenTheUrlAnswers2xx() {
        assertThat(probe(url("/actuator/health/readiness")).exitCode()).isZero();
    }

    @Test
    void exitsOneWhenTheUrlAnswersOutOfService() {
        assertThat(probe(url("/not-ready")).exitCode()).isEqualTo(1);
    }

    @Test
    void exitsOneWhenNothingAnswers() {
        server.stop(0);

        assertThat(probe(url("/actuator/health/readiness")).exitCode()).isEqualTo(1);
    }

    /** Runs the probe as the image does, with java, here from its source (the image compiles it). */
    private static InstalledTool.Result probe(String url) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return InstalledTool.run(RepositoryFiles.ROOT, java, SOURCE.toString(), url);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/actuator/health/readiness", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.createContext("/not-ready", exchange -> {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
