package closedloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded default's OpenID Connect issuer (module identity-issuer) as a child JVM from its runnable jar, with its
 * signing key in the work folder and Tomcat's access log on, so that a benchmark can count how often the services
 * fetched its keys (JWKS). Gives demo users' tokens with the password grant of the command-line client.
 */
final class IssuerJvm implements AutoCloseable {

    static final String JAR = "identity-issuer/target/identity-issuer-0.1.0-SNAPSHOT-exec.jar";
    static final String JWKS_PATH = "/oauth2/jwks";
    /** The audience of the issuer's tokens and of the services' check (the platform's default). */
    static final String AUDIENCE = "closedloop";
    /** Every demo user's password (closedloop.issuer.demo-password). */
    static final String DEMO_PASSWORD = "demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final ChildJvm jvm;
    private final String url;
    private final Path accessLogs;

    private IssuerJvm(ChildJvm jvm, String url, Path accessLogs) {
        this.jvm = jvm;
        this.url = url;
        this.accessLogs = accessLogs;
    }

    /** Starts the issuer ({@code -Xmx256m}) on a free port and waits until it answers. */
    static IssuerJvm start(Path repoRoot, Path work) throws IOException, InterruptedException {
        int port = BenchmarkSupport.freePort();
        String url = "http://127.0.0.1:" + port;
        Path accessLogs = work.resolve("identity-issuer-access");
        ChildJvm jvm = ChildJvm.start("identity-issuer", repoRoot.resolve(JAR), List.of("-Xmx256m"), List.of(
                "--server.port=" + port,
                "--closedloop.issuer.url=" + url,
                "--closedloop.issuer.key-file=" + work.resolve("identity-issuer/signing-key.json"),
                // a benchmark may run longer than the default hour of one token
                "--closedloop.issuer.access-token-lifetime=PT12H",
                "--server.tomcat.accesslog.enabled=true",
                "--server.tomcat.accesslog.directory=" + accessLogs,
                "--server.tomcat.accesslog.buffered=false",
                "--spring.main.banner-mode=off"), port, work.resolve("identity-issuer.log"));
        try {
            jvm.awaitLine(line -> line.contains("Started IdentityIssuerApplication"), Duration.ofMinutes(3));
        } catch (RuntimeException | InterruptedException e) {
            jvm.close();
            throw e;
        }
        return new IssuerJvm(jvm, url, accessLogs);
    }

    /** The issuer's name in its tokens ({@code iss}), which the services are told as their issuer-uri. */
    String url() {
        return url;
    }

    String jwkSetUri() {
        return url + JWKS_PATH;
    }

    /** Boot's settings that make a service a resource server of this issuer (the audience: the platform's default). */
    List<String> resourceServerArguments() {
        return List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + url,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri());
    }

    /** A demo user's access token: {@code POST /oauth2/token} with the password grant of {@code closedloop-cli}. */
    String passwordToken(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=closedloop-cli&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + DEMO_PASSWORD;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The issuer refused a token for " + username + ": "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode token = new ObjectMapper().readTree(response.body()).path("access_token");
        if (!token.isTextual()) {
            throw new IllegalStateException("The issuer's answer holds no access_token: " + response.body());
        }
        return token.asText();
    }

    /** How many times the keys were fetched so far ({@code GET /oauth2/jwks} lines in the issuer's access log). */
    long jwksFetches() {
        if (!Files.isDirectory(accessLogs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(accessLogs)) {
            long fetches = 0;
            for (Path file : files.toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    fetches += lines.filter(IssuerJvm::isJwksFetch).count();
                }
            }
            return fetches;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of Tomcat's access log ({@code common} pattern) that records a GET of the key set. */
    static boolean isJwksFetch(String accessLogLine) {
        return accessLogLine.contains("\"GET " + JWKS_PATH + " ");
    }

    @Override
    public void close() {
        jvm.close();
    }
}
