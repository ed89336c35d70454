package io.churnwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds a TCP port on 127.0.0.1 that is free right now, by binding port 0 and releasing it.
 *
 * <p>The port may be taken by another process before the caller binds it: callers retry on a bind failure.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port on 127.0.0.1 that nothing listened on at the time of the call. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }
}
