package closedloop.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The closed loop against a small HTTP server in this JVM that answers a status of the test's choice. */
class ClosedLoadIntegrationTests {

    private final AtomicInteger status = new AtomicInteger(201);
    private final AtomicInteger answered = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void measuresOnlyTheExpectedAnswersToRequestsSentAfterTheWarmUp() throws Exception {
        ComplaintPosts posts = new ComplaintPosts(start(), "a-token");

        ClosedLoad.Result result = ClosedLoad.run(ComplaintPosts.client(), posts::next, 2, Duration.ofMillis(300),
                Duration.ofMillis(700), 201);

        assertThat(result.failures().total()).isZero();
        assertThat(result.failures().describe()).isEqualTo("none");
        assertThat(result.requests()).isEqualTo(answered.get());
        assertThat(result.nanos().count()).isPositive().isLessThan((int) result.requests());
        assertThat(result.perSecond()).isCloseTo(result.nanos().count() / 0.7, within(1e-6));
    }

    @Test
    void countsEveryOtherAnswerAsAFailureByItsStatusAndMeasuresNone() throws Exception {
        status.set(401);
        ComplaintPosts posts = new ComplaintPosts(start(), null);

        ClosedLoad.Result result = ClosedLoad.run(ComplaintPosts.client(), posts::next, 2, Duration.ofMillis(100),
                Duration.ofMillis(300), 201);

        assertThat(result.requests()).isPositive();
        assertThat(result.failures().total()).isEqualTo(result.requests());
        assertThat(result.failures().describe()).isEqualTo(String.format("%,d answered 401", result.requests()));
        assertThat(result.nanos().count()).isZero();
    }

    @Test
    void sendsTheBearerTokenWithEveryComplaint() throws Exception {
        AtomicInteger withToken = new AtomicInteger();
        String base = start();
        server.removeContext(ComplaintPosts.PATH);
        server.createContext(ComplaintPosts.PATH, exchange -> {
            if ("Bearer a-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && exchange.getRequestBody().readAllBytes().length == ComplaintPosts.body().length()) {
                withToken.incrementAndGet();
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });

        ClosedLoad.Result result = ClosedLoad.run(ComplaintPosts.client(), new ComplaintPosts(base, "a-token")::next,
                1, Duration.ZERO, Duration.ofMillis(200), 201);

        assertThat(withToken.get()).isEqualTo((int) result.requests()).isPositive();
    }

    private String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext(ComplaintPosts.PATH, exchange -> {
            exchange.getRequestBody().readAllBytes();
            answered.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
