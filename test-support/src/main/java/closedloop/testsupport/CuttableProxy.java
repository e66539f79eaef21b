package closedloop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a loopback port in front of a server, whose line can be cut and mended: cut, it closes every
 * connection it carries and refuses new ones, as a network that lost the server would; mended, it accepts again on the
 * same port. For faults a client must live through, such as its store going away for a minute.
 */
public final class CuttableProxy implements AutoCloseable {

    private final int port;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    private CuttableProxy(int port, InetSocketAddress target) {
        this.port = port;
        this.target = target;
    }

    /** A proxy on a free loopback port to the server at this address, carrying connections at once. */
    public static CuttableProxy to(InetSocketAddress target) {
        CuttableProxy proxy = new CuttableProxy(FreePorts.next(), target);
        proxy.mend();
        return proxy;
    }

    /** The port clients connect to. */
    public int port() {
        return port;
    }

    /** Closes every connection and refuses new ones. */
    public synchronized void cut() {
        try {
            if (listening != null) {
                listening.close();
                listening = null;
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(CuttableProxy::closeQuietly);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void mend() {
        if (listening != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listening = server;
            Thread accepting = new Thread(() -> accept(server), "proxy-accept-" + port);
            accepting.setDaemon(true);
            accepting.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pumping = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException lineCut) {
                // the other side or the proxy closed it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pump-" + port);
        pumping.setDaemon(true);
        pumping.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}
