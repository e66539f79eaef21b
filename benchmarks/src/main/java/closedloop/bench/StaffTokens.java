package closedloop.bench;

import closedloop.issuer.account.Account;
import closedloop.issuer.IssuerSettings;
import closedloop.localstack.ConfigFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo staff's access tokens from the stack's issuer, as the README's curl walk-through gets them (password grant,
 * client {@code closedloop-cli}), each got once and kept for the run; who dispatches for a branch, from the issuer's
 * own settings.
 */
final class StaffTokens {

    static final String AGENT = "agent-017";
    static final String SUPERVISOR = "sup.wang";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String tokenEndpoint;
    private final IssuerSettings issuer = ConfigFile.of("identity-issuer").bind("closedloop.issuer",
            IssuerSettings.class).get();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    StaffTokens(HttpClient http, String issuerUrl) {
        this.http = http;
        this.tokenEndpoint = issuerUrl + "/oauth2/token";
    }

    /** The bearer token of a member of staff. */
    String of(String username) {
        return tokens.computeIfAbsent(username, this::signIn);
    }

    /** The branches the demo dispatchers work. */
    java.util.List<String> branches() {
        return issuer.users().stream().flatMap(account -> account.branches().stream()).distinct().sorted().toList();
    }

    /** The bearer token of the demo dispatcher who works the branch. */
    String dispatcherOf(String branch) {
        return of(issuer.users().stream().filter(account -> account.branches().contains(branch))
                .map(Account::username).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo dispatcher works for " + branch)));
    }

    private String signIn(String username) {
        String form = "grant_type=password&client_id=closedloop-cli&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(issuer.demoPassword(), StandardCharsets.UTF_8);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(answer.body());
            if (answer.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new IllegalStateException("Could not sign in as " + username + ": " + answer.statusCode());
            }
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Could not sign in as " + username, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
