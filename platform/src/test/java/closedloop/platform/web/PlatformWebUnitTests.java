package closedloop.platform.web;

import closedloop.platform.domain.IllegalTransition;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

class PlatformWebUnitTests {

    private final WebTestClient client = WebTestClient.bindToController(new DoorController())
            .controllerAdvice(new ProblemDetailsAdvice())
            .argumentResolvers(resolvers -> resolvers.addCustomResolver(new ActorArgumentResolver()))
            .build();

    @Test
    void namesTheActorFromTheRequest() {
        client.get().uri("/whoami").header(ActorArgumentResolver.HEADER, "  li.ming ").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("li.ming");
    }

    @Test
    void callsARequestWithoutAnActorAnonymous() {
        client.get().uri("/whoami").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo(ActorArgumentResolver.ANONYMOUS);
    }

    @Test
    void answersAnIllegalTransitionWithTheStateAndTheAllowedActions() {
        client.post().uri("/open").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Cannot open a door that is LOCKED")
                .jsonPath("$.currentState").isEqualTo("LOCKED")
                .jsonPath("$.allowedActions[0]").isEqualTo("unlock")
                .jsonPath("$.keyHolder").isEqualTo("sup.wang");
    }

    @Test
    void answersARaceLostOnEveryAttemptWithAConflict() {
        client.post().uri("/paint").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Changed concurrently");
    }

    enum DoorState { LOCKED }

    static class DoorLocked extends IllegalTransition {
        DoorLocked() {
            super("door", "open", DoorState.LOCKED, List.of("unlock"));
            detail("keyHolder", "sup.wang");
        }
    }

    @RestController
    static class DoorController {

        @GetMapping("/whoami")
        Mono<String> whoAmI(@Actor String actor) {
            return Mono.just(actor);
        }

        @PostMapping("/open")
        Mono<String> open() {
            return Mono.error(new DoorLocked());
        }

        @PostMapping("/paint")
        Mono<String> paint() {
            return Mono.error(new OptimisticLockingFailureException("someone else painted it"));
        }
    }
}
