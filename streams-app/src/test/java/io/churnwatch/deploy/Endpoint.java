package io.churnwatch.deploy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One network address as written in Kafka and registry settings: {@code [SCHEME://]host:port}.
 *
 * <p>The scheme is a Kafka listener name ({@code PLAINTEXT_HOST://localhost:29092}), a security protocol
 * ({@code PLAINTEXT://kafka:9092}) or a URL scheme ({@code http://0.0.0.0:8081}); it is empty when absent.
 * The host is empty for a listener that binds every interface ({@code CONTROLLER://:9093}).
 */
record Endpoint(String scheme, String host, int port) {

    private static final Pattern FORM = Pattern.compile("^(?:([A-Za-z][A-Za-z0-9_+.-]*)://)?([^:/\\s]*):(\\d{1,5})/?$");
    private static final int MAX_PORT = 65_535;

    static Optional<Endpoint> parse(final String text) {
        final Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        final int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > MAX_PORT) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(m.group(1) == null ? "" : m.group(1), m.group(2), port));
    }

    String hostPort() {
        return host + ":" + port;
    }
}
