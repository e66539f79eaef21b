package closedloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST /api/v1/complaints} as an agent registers a complaint on the phone, each with a fresh customer phone
 * (so that none is a repeat of another), signed with a bearer token, or with none.
 */
final class ComplaintPosts {

    static final String PATH = "/api/v1/complaints";

    private final URI uri;
    private final String authorization;

    /**
     * @param baseUrl complaint-intake's address
     * @param token   the access token every request carries, or null for none
     */
    ComplaintPosts(String baseUrl, String token) {
        this.uri = URI.create(baseUrl + PATH);
        this.authorization = token == null ? null : "Bearer " + token;
    }

    /** The client every load uses: HTTP/1.1 (complaint-intake speaks no cleartext HTTP/2), connections kept alive. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The next request: a complaint of a new customer. */
    HttpRequest next() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    static String body() {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return """
                {"channel":"HOTLINE","category":"BILLING","customer":{"name":"Wang Fang","phone":"%s"},
                 "district":"Lixia","description":"Charged twice for the November data package"}""".formatted(phone);
    }
}
