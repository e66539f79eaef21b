package closedloop.platform.web;

import closedloop.platform.PlatformDefaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why every service and the console serve one request per HTTP connection
 * ({@link PlatformDefaults#ONE_REQUEST_PER_CONNECTION}): Reactor Netty 1.2.18 holds back a request that arrives on a
 * kept-alive connection while the previous request is still finishing, and when the held-back request is answered at
 * once, it never asks the connection for more, so the caller's next request on it waits forever. A browser following
 * the sign-in's redirects met exactly this on the console's code callback. The first test shows the fault on a bare
 * Reactor Netty server; once a Reactor Netty upgrade fixes it, that test fails, and the setting can go.
 */
class KeepAliveStallUnitTests {

    private static final Duration NO_ANSWER_WITHIN = Duration.ofSeconds(3);

    private DisposableServer server;

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void reactorNettyLeavesAKeptAliveConnectionUnreadAfterAHeldBackRequestWasAnsweredAtOnce() throws IOException {
        server = start(UnaryOperator.identity());
        try (Connection connection = new Connection(server.port())) {
            connection.send(request("/slow") + request("/quick"));
            assertThat(connection.answer()).contains("slow");
            assertThat(connection.answer()).contains("quick");

            connection.send(request("/next"));
            assertThatThrownBy(connection::answer)
                    .as("Reactor Netty answered the request after a held-back one: the fault is fixed in this version,"
                            + " so PlatformDefaults and web-console.yml may drop server.netty.max-keep-alive-requests")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void withThePlatformsSettingEachAnswerClosesItsConnectionSoNoRequestIsEverHeldBack() throws IOException {
        int requestsPerConnection = Integer.parseInt(
                String.valueOf(PlatformDefaults.defaults().get(PlatformDefaults.ONE_REQUEST_PER_CONNECTION)));
        server = start(http -> http.maxKeepAliveRequests(requestsPerConnection));
        for (String path : List.of("/slow", "/quick", "/next")) {
            try (Connection connection = new Connection(server.port())) {
                connection.send(request(path));
                assertThat(connection.answer()).contains("connection: close").contains(path.substring(1));
            }
        }
    }

    /** A server like a service's: one answer takes a moment, the others come at once. */
    private static DisposableServer start(UnaryOperator<HttpServer> configure) {
        return configure.apply(HttpServer.create().host("127.0.0.1").port(0))
                .handle((request, response) -> {
                    String name = request.uri().substring(1);
                    Mono<String> body = name.equals("slow")
                            ? Mono.delay(Duration.ofMillis(50)).thenReturn(name) : Mono.just(name);
                    return response.sendString(body);
                })
                .bindNow(Duration.ofSeconds(5));
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /** One TCP connection, written and read as HTTP/1.1 text. */
    private static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;

        Connection(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) NO_ANSWER_WITHIN.toMillis());
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        }

        void send(String requests) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** The next answer's status line and headers (in lower case) and its body, which has a content-length. */
        List<String> answer() throws IOException {
            List<String> lines = new ArrayList<>();
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line.toLowerCase());
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                read += in.read(body, read, length - read);
            }
            lines.add(new String(body));
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
