package closedloop.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBoundsUnitTests {

    private final Tickets tickets = new Tickets();
    private final WebTestClient client = WebTestClient.bindToController(tickets)
            .webFilter(new RequestBounds(new FilterProblems(ServerCodecConfigurer.create())))
            .build();

    @Test
    void refusesAQueryParameterLongerThanAnyRealValueNamingIt() {
        client.get().uri("/api/v1/tickets?branch={b}&status=ASSIGNED", "L".repeat(257)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("branch")
                .jsonPath("$.errors[0].message").isEqualTo("at most 256 characters");
        assertThat(tickets.listed).hasValue(0);
    }

    @Test
    void refusesAnOverlongXActorHeaderThoughItIsIgnored() {
        client.get().uri("/api/v1/tickets?branch=LIXIA-01").header("X-Actor", "a".repeat(65)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("X-Actor")
                .jsonPath("$.errors[0].message").isEqualTo("at most 64 characters");
    }

    @Test
    void refusesMoreParametersThanAnyEndpointTakes() {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/tickets");
        for (int i = 0; i < 33; i++) {
            uri.queryParam("p" + i, "x");
        }

        client.get().uri(uri.build().toUriString()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("query");
    }

    @Test
    void letsThroughParametersAndAnActorOfTheLongestAcceptedLength() {
        client.get().uri("/api/v1/tickets?branch={b}", "L".repeat(256)).header("X-Actor", "a".repeat(64))
                .exchange()
                .expectStatus().isOk();
        assertThat(tickets.listed).hasValue(1);
    }

    @RestController
    static class Tickets {

        final AtomicInteger listed = new AtomicInteger();

        @GetMapping("/api/v1/tickets")
        void list() {
            listed.incrementAndGet();
        }
    }
}
