package closedloop.console;

import closedloop.issuer.IdentityIssuerApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real identity issuer (Spring Authorization Server with the demo users) in the test's JVM, on a port of its own,
 * with the console at a known address as its client {@code closedloop-console}. Stopped and started again on the
 * same port and key, it forgets every sign-in and refresh token but keeps signing with the same key, as after a
 * restart.
 */
final class TestIssuer implements AutoCloseable {

    static final String CONSOLE_SECRET = "console-secret-of-the-console-tests";

    private final int port;
    private final int consolePort;
    private final Path folder;
    private ConfigurableApplicationContext context;

    private TestIssuer(int port, int consolePort, Path folder) {
        this.port = port;
        this.consolePort = consolePort;
        this.folder = folder;
    }

    /**
     * An issuer, not started yet, that knows the console at {@code http://localhost:<consolePort>}, with its signing
     * key in a folder of its own.
     */
    static TestIssuer forConsoleAt(int consolePort) {
        try {
            return new TestIssuer(FreePort.next(), consolePort, Files.createTempDirectory("test-issuer-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties that point a console at this issuer, as {@code web-console.yml} names them. */
    Map<String, String> consoleProperties() {
        return Map.of("closedloop.console.issuer.url", url(),
                "closedloop.console.issuer.client-secret", CONSOLE_SECRET);
    }

    TestIssuer start(String... extraArguments) {
        String[] arguments = {
                "--server.port=" + port,
                "--closedloop.issuer.url=" + url(),
                "--closedloop.issuer.key-file=" + folder.resolve("signing-key.json"),
                "--closedloop.issuer.console.url=http://localhost:" + consolePort,
                "--closedloop.issuer.console.secret=" + CONSOLE_SECRET,
                "--spring.main.banner-mode=off"};
        String[] all = new String[arguments.length + extraArguments.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(extraArguments, 0, all, arguments.length, extraArguments.length);
        context = IdentityIssuerApplication.application().run(all);
        return this;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Reads a token as a service does: signed with the issuer's key, named by it, within its lifetime. */
    Jwt decode(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(url() + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(url()));
        return decoder.decode(token);
    }

    /** Stops it; started again, it has forgotten every sign-in. */
    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** Stops it for good and deletes its key. */
    @Override
    public void close() {
        stop();
        FileSystemUtils.deleteRecursively(folder.toFile());
    }
}
