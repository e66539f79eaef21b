package closedloop.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class MaskedAccessLogUnitTests {

    @Test
    void logsEachRequestWithThePhoneNumbersOfItsUriMasked(CapturedOutput output) {
        DisposableServer server = HttpServer.create().port(0).accessLog(true, new MaskedAccessLog())
                .handle((request, response) -> response.status(400).sendString(Mono.just("refused")))
                .bindNow();
        try {
            HttpClient.create().port(server.port())
                    .get().uri("/api/v1/complaints?phone=13800138000&size=1")
                    .responseContent().aggregate().asString().block(Duration.ofSeconds(10));
        } finally {
            server.disposeNow();
        }

        await().untilAsserted(() -> assertThat(output.getAll())
                .contains("\"GET /api/v1/complaints?phone=138****8000&size=1 HTTP/1.1\" 400 7 "));
        assertThat(output.getAll()).doesNotContain("13800138000");
    }
}
