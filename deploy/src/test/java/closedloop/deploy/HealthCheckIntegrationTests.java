package closedloop.deploy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images' health probe ({@code deploy/docker/HealthCheck.java}, run by docker-compose's health checks) against a
 * server that is ready, one that is not, and an address where nothing listens.
 */
class HealthCheckIntegrationTests {

    private static final Path SOURCE = RepositoryFiles.path("deploy/docker/HealthCheck.java");

    @TempDir
    static Path classes;

    private final HttpServer server = server();

    /** Compiled once, as the image's build stage compiles it. */
    @BeforeAll
    static void compileTheProbe() {
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                SOURCE.toString())).isZero();
    }

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

    /** Runs the probe as the image's health checks do: {@code java -cp <classes> HealthCheck <url>}. */
    private static InstalledTool.Result probe(String url) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return InstalledTool.run(RepositoryFiles.ROOT, java, "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp",
                classes.toString(), "HealthCheck", url);
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
