package closedloop.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** What the platform's problem answers and their log lines show of a phone number a request carried. */
@ExtendWith(OutputCaptureExtension.class)
class PhoneNumbersInProblemsUnitTests {

    private final WebTestClient client = WebTestClient.bindToController(new CustomerController())
            .controllerAdvice(new ProblemDetailsAdvice())
            .build();

    @Test
    void logsAnUnexpectedErrorWithThePhoneNumbersOfItsPathAndMessagesMasked(CapturedOutput output) {
        client.post().uri("/customers/13800138000/fail").exchange()
                .expectStatus().isEqualTo(500)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("13800138000", "13900001111"));

        assertThat(output.getAll())
                .contains("Unexpected error answering POST /customers/138****8000/fail")
                .contains("java.lang.IllegalStateException: no contact for 139****1111")
                .contains("at closedloop.platform.web.PhoneNumbersInProblemsUnitTests$CustomerController.fail")
                .doesNotContain("13800138000", "13900001111");
    }

    @Test
    void masksAPhoneNumberThatTheAnswerToAnUnreadableBodyWouldEcho() {
        client.post().uri("/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\": x13800138000}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("138****8000").doesNotContain("13800138000"));
        client.post().uri("/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"vip\": \"13800138000\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("\"field\":\"vip\"").doesNotContain("13800138000"));
    }

    record Customer(String phone, boolean vip) {
    }

    @RestController
    static class CustomerController {

        @PostMapping("/customers/{phone}/fail")
        Mono<String> fail(@PathVariable String phone) {
            return Mono.error(new IllegalStateException("no contact for 13900001111"));
        }

        @PostMapping("/customers")
        Mono<String> register(@RequestBody Customer customer) {
            return Mono.just("registered");
        }
    }
}
