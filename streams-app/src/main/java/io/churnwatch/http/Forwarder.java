package io.churnwatch.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Forwards a request for an account owned by another instance to that instance's HTTP server (its
 * {@code application.server}), marking it as forwarded so that the receiver answers from its own stores or
 * fails, never forwards again: a stale ownership view cannot make requests loop.
 */
final class Forwarder {

    static final String FORWARDED_BY = "X-Churnwatch-Forwarded-By";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String self;

    Forwarder(final String self) {
        this.self = self;
    }

    /** The owner's answer to {@code rawPathAndQuery} (already percent-encoded). */
    HttpResponse<byte[]> forward(final HostInfo owner, final String rawPathAndQuery)
            throws IOException, InterruptedException {
        final URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + rawPathAndQuery);
        final HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(FORWARDED_BY, self).GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
