package closedloop.testsupport;

import closedloop.platform.security.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A token issuer for the services' tests: an RSA key whose public half it serves as a JWKS over real HTTP, as an
 * OpenID Connect issuer does, and access tokens of the shape both real issuers mint ({@code preferred_username},
 * {@code roles}, {@code branches}, audience {@value #AUDIENCE}). One per JVM; services under test validate its tokens
 * with their production resource-server configuration ({@link TestIssuerInitializer} points them at it).
 */
public final class TestIssuer {

    public static final String AUDIENCE = "closedloop";

    /** The branches of the staff user every test request is signed in as unless it says otherwise. */
    public static final List<String> TEST_BRANCHES = List.of("LIXIA-01", "LIXIA-02", "SHIZHONG-01", "SHIZHONG-02",
            "HUAIYIN-01", "HUAIYIN-02", "TIANQIAO-01", "LICHENG-01", "BILLING-CENTRE", "MANUAL", "TESTVILLE-01",
            "NOWHERE-01");

    /** The name of that staff user. */
    public static final String STAFF = "test.staff";

    private static TestIssuer instance;

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final RSAKey unpublishedKey;
    private final String url;
    private final AtomicInteger keyFetches = new AtomicInteger();

    private TestIssuer() {
        key = generateKey("test-issuer-key");
        foreignKey = generateKey("test-issuer-key");
        unpublishedKey = generateKey("unpublished-key");
        int port = FreePorts.next();
        url = "http://localhost:" + port;
        serveKeys(port, new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The issuer of this JVM, started on first use. */
    public static synchronized TestIssuer get() {
        if (instance == null) {
            instance = new TestIssuer();
        }
        return instance;
    }

    /** The issuer's URL: the {@code iss} of its tokens. */
    public String url() {
        return url;
    }

    /** Where the issuer publishes its public keys. */
    public String jwksUrl() {
        return url + "/oauth2/jwks";
    }

    /** A valid access token for {@code username} with {@code roles}, of branches {@code branches}. */
    public String token(String username, List<Role> roles, List<String> branches) {
        return sign(claims(username, roles, branches).build());
    }

    /** The claims of a valid access token, to change one of them for a test that must see it refused. */
    public JWTClaimsSet.Builder claims(String username, List<Role> roles, List<String> branches) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(url)
                .subject(UUID.randomUUID().toString())
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
                .claim("preferred_username", username)
                .claim("roles", roles.stream().map(Role::name).toList())
                .claim("branches", branches);
    }

    /** Signs {@code claims} with the issuer's key: a token its JWKS verifies. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** Signs {@code claims} with a key of the same id that the issuer does not publish: a forged token. */
    public String signWithForeignKey(JWTClaimsSet claims) {
        return sign(claims, foreignKey);
    }

    /** Signs {@code claims} with a key whose id the issuer never published: a service can only look for it. */
    public String signWithUnpublishedKey(JWTClaimsSet claims) {
        return sign(claims, unpublishedKey);
    }

    /** How often a service has fetched the issuer's key set so far. */
    public int keyFetches() {
        return keyFetches.get();
    }

    /** {@code claims} unsigned ({@code alg: none}). */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** Request headers of a staff member named {@code username} with every staff role and the test branches. */
    public static Consumer<HttpHeaders> as(String username) {
        return bearer(get().token(username, List.of(Role.STAFF), TEST_BRANCHES));
    }

    /** Request headers of {@code username} with exactly {@code roles} and, for a dispatcher, {@code branches}. */
    public static Consumer<HttpHeaders> as(String username, List<Role> roles, String... branches) {
        return bearer(get().token(username, roles, Arrays.asList(branches)));
    }

    /** Request headers carrying {@code token}. */
    public static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serveKeys(int port, byte[] jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                keyFetches.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
