package io.churnwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds TCP ports on 127.0.0.1 that are free right now, by binding them and releasing them.
 *
 * <p>A port found free may be taken by another process before the caller binds it: callers retry on a bind
 * failure.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port on 127.0.0.1 that nothing listened on at the time of the call. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }

    /** Whether {@code port} of 127.0.0.1 can be bound right now. */
    public static boolean isFree(final int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (final IOException e) {
            return false;
        }
    }
}
