package closedloop.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A loopback port free right now: for a console and an issuer that must know each other's address before either
 * starts (the issuer registers the console's redirect URI exactly), and for an address where nobody listens.
 */
final class FreePort {

    private FreePort() {
    }

    static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
