package closedloop.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real HTTP calls to a running issuer, as a script or a browser makes them: form posts, redirects not followed, and
 * the issuer's session cookie kept between calls like a browser keeps it.
 */
final class IssuerCalls {

    static final String SESSION_COOKIE = "CLOSEDLOOP_ISSUER_SESSION";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BROWSERS_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final String base;
    private final boolean browser;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private IssuerCalls(String base, boolean browser) {
        this.base = base;
        this.browser = browser;
    }

    /** Calls as a script makes them (no {@code Accept} header). */
    static IssuerCalls at(int port) {
        return new IssuerCalls("http://localhost:" + port, false);
    }

    /** Calls as a browser makes them: asking for HTML first. */
    static IssuerCalls browserAt(int port) {
        return new IssuerCalls("http://localhost:" + port, true);
    }

    String base() {
        return base;
    }

    /** One answer: its status, its headers and its body. */
    record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String location() {
            return headers.firstValue("Location").orElseThrow(() -> new AssertionError("no Location in " + this));
        }
    }

    Answer get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    Answer getWithBearer(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    Answer post(String path, Map<String, String> form) {
        return send(formRequest(path, form));
    }

    Answer postAsClient(String path, String clientId, String secret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(formRequest(path, form).header("Authorization", "Basic " + basic));
    }

    /** The password grant for the command-line client: the one request of the README's walk-through. */
    Answer passwordGrant(String username, String password) {
        return post("/oauth2/token", Map.of("grant_type", "password", "client_id", "closedloop-cli",
                "username", username, "password", password));
    }

    /**
     * A decoder that trusts what this issuer publishes: its JWKS and the issuer name of its discovery document (which
     * may differ from the address it was reached at, as on a restart to another port).
     */
    NimbusJwtDecoder decoder() {
        JsonNode discovery = get("/.well-known/openid-configuration").json();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(discovery.get("issuer").asText()));
        return decoder;
    }

    Jwt decode(String token) {
        return decoder().decode(token);
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpRequest.Builder formRequest(String path, Map<String, String> form) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private Answer send(HttpRequest.Builder request) {
        if (browser) {
            request.header("Accept", BROWSERS_ACCEPT);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers().allValues("Set-Cookie"));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(List<String> setCookies) {
        setCookies.forEach(setCookie -> {
            String[] pair = setCookie.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
        });
    }
}
