package closedloop.platform.web;

import closedloop.platform.domain.IllegalTransition;
import closedloop.platform.security.Actor;
import closedloop.platform.security.ActorArgumentResolver;
import closedloop.platform.security.Caller;
import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformWebUnitTests {

    private static final Jwt LI_MING = Jwt.withTokenValue("token").header("alg", "RS256")
            .claim("preferred_username", "li.ming").claim("roles", List.of("DISPATCHER", "UNKNOWN"))
            .claim("branches", List.of("LIXIA-01")).build();

    private final WebTestClient client = WebTestClient.bindToController(new DoorController())
            .controllerAdvice(new ProblemDetailsAdvice())
            .argumentResolvers(resolvers -> resolvers.addCustomResolver(new ActorArgumentResolver()))
            .webFilter((exchange, chain) -> chain.filter(exchange.mutate()
                    .principal(Mono.just(new JwtAuthenticationToken(LI_MING, List.of(), "li.ming"))).build()))
            .build();

    @Test
    void namesTheActorFromTheTokenWhateverAHeaderClaims() {
        client.get().uri("/whoami").header("X-Actor", "mallory").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("li.ming");
    }

    @Test
    void resolvesTheCallerWithTheRolesAndBranchesOfTheToken() {
        client.get().uri("/caller").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("li.ming [DISPATCHER] [LIXIA-01]");
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

    @Test
    void answersAStoreThatCannotBeReachedWithServiceUnavailableAndWhenToTryAgain() {
        for (String path : List.of("/weigh", "/count")) {
            client.post().uri(path).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Store unavailable")
                    .jsonPath("$.instance").isEqualTo(path)
                    .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("127.0.0.1"));
        }
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

        @GetMapping("/caller")
        Mono<String> caller(Caller caller) {
            return Mono.just(caller.name() + " " + caller.roles() + " " + caller.branches());
        }

        @PostMapping("/open")
        Mono<String> open() {
            return Mono.error(new DoorLocked());
        }

        @PostMapping("/paint")
        Mono<String> paint() {
            return Mono.error(new OptimisticLockingFailureException("someone else painted it"));
        }

        /** As Spring Data translates a driver that found no server in time. */
        @PostMapping("/weigh")
        Mono<String> weigh() {
            return Mono.error(new DataAccessResourceFailureException("Timed out while waiting for a server",
                    new MongoTimeoutException("Timed out after 1500 ms while waiting for 127.0.0.1:27017")));
        }

        /** As the driver itself says it, where nothing translated it. */
        @PostMapping("/count")
        Mono<String> count() {
            return Mono.error(new MongoTimeoutException("Timed out after 1500 ms while waiting for 127.0.0.1:27017"));
        }
    }
}
