package closedloop.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The demo users' access tokens from the stack's own issuer, each got with one request as the README's curl
 * walk-through does ({@code grant_type=password}, client {@code closedloop-cli}) and kept for the run.
 */
public final class DemoTokens {

    /** The demo dispatcher of each branch a district routes to. */
    static final Map<String, String> DISPATCHERS = Map.of("LIXIA-01", "li.ming", "SHIZHONG-01", "zhao.lei",
            "HUAIYIN-01", "qian.hua", "TIANQIAO-01", "sun.li", "LICHENG-01", "zhou.jie");
    public static final String AGENT = "agent-017";
    public static final String SUPERVISOR = "sup.wang";
    public static final String DESK = "desk.wu";

    private final WebClient issuer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public DemoTokens(String issuerUrl) {
        issuer = WebClient.create(issuerUrl);
    }

    /** Request headers signed in as the demo user {@code username}. */
    public Consumer<HttpHeaders> as(String username) {
        String token = token(username);
        return headers -> headers.setBearerAuth(token);
    }

    /** The access token of the demo user {@code username}. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, this::signIn);
    }

    /** Request headers signed in as the demo dispatcher of {@code branch}. */
    public Consumer<HttpHeaders> dispatcherOf(String branch) {
        String dispatcher = DISPATCHERS.get(branch);
        if (dispatcher == null) {
            throw new IllegalArgumentException("No demo dispatcher works for " + branch);
        }
        return as(dispatcher);
    }

    private String signIn(String username) {
        JsonNode answer = issuer.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "password").with("client_id", "closedloop-cli")
                        .with("username", username).with("password", "demo"))
                .retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(30));
        return answer.get("access_token").asText();
    }
}
