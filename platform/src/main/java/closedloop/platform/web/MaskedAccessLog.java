package closedloop.platform.web;

import closedloop.platform.PhoneNumbers;
import reactor.netty.http.server.logging.AccessLog;
import reactor.netty.http.server.logging.AccessLogArgProvider;
import reactor.netty.http.server.logging.AccessLogFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The HTTP access log of a service when {@code closedloop.access-log} is on: one line per request in Reactor Netty's
 * common log format (client, user, time, request line, status, bytes, milliseconds) to the logger
 * {@code reactor.netty.http.server.AccessLog}, with any phone number in the URI masked, also one a client put there
 * against the rules (docs/architecture.md §9.10).
 */
public final class MaskedAccessLog implements AccessLogFactory {

    static final String FORMAT = "{} - {} [{}] \"{} {} {}\" {} {} {} ms";

    @Override
    public AccessLog apply(AccessLogArgProvider request) {
        return AccessLog.create(FORMAT, address(request.remoteAddress()), request.user(), request.zonedDateTime(),
                request.method(), PhoneNumbers.maskAll(String.valueOf(request.uri())), request.protocol(),
                request.status(), request.contentLength() < 0 ? "-" : request.contentLength(), request.duration());
    }

    private static String address(SocketAddress address) {
        return address instanceof InetSocketAddress internet ? internet.getHostString() : String.valueOf(address);
    }
}
