package closedloop.notification.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports on which nothing listens, for servers the tests start and for servers that are down. */
final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free a moment ago. */
    static int unused() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
