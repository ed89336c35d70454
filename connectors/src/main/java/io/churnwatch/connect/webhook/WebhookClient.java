package io.churnwatch.connect.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * POSTs JSON to the configured endpoint and says what came of it. Only transport lives here: the task decides
 * what an answer means ({@link Answer#retriable()}). Redirects are not followed (a CRM endpoint that moved is a
 * configuration matter, and a followed POST may turn into a GET).
 */
public final class WebhookClient {

    /** What one request came to: a status and body, or the I/O failure that stood for one. */
    public record Answer(int status, String body, Optional<String> retryAfter, IOException failure) {

        static Answer of(final HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After"), null);
        }

        static Answer failed(final IOException failure) {
            return new Answer(0, "", Optional.empty(), failure);
        }

        public boolean delivered() {
            return failure == null && status >= 200 && status < 300;
        }

        /** Worth another attempt: timeouts, connection errors, 408, 429 and 5xx. */
        public boolean retriable() {
            return failure != null || status == 408 || status == 429 || status >= 500;
        }

        /** Status and (truncated) body, or the failure: what the dead-letter queue and the log say. */
        public String describe() {
            if (failure != null) {
                return failure.getClass().getSimpleName() + ": " + failure.getMessage();
            }
            final String text = body == null ? "" : body.strip();
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > 500 ? text.substring(0, 500)
                    + "..." : text));
        }
    }

    private final HttpClient http;
    private final URI url;
    private final Duration requestTimeout;
    private final Map<String, String> fixedHeaders;

    public WebhookClient(final WebhookSinkConfig config) {
        final HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(config.getLong(WebhookSinkConfig.CONNECT_TIMEOUT_MS)))
                .followRedirects(HttpClient.Redirect.NEVER);
        final String truststore = config.getString(WebhookSinkConfig.TRUSTSTORE_LOCATION);
        if (truststore != null) {
            builder.sslContext(sslContext(Path.of(truststore), config.getString(WebhookSinkConfig.TRUSTSTORE_TYPE),
                    config.getPassword(WebhookSinkConfig.TRUSTSTORE_PASSWORD)));
        }
        this.http = builder.build();
        this.url = config.url();
        this.requestTimeout = Duration.ofMillis(config.getLong(WebhookSinkConfig.REQUEST_TIMEOUT_MS));
        final String credential = config.authHeaderValue();
        this.fixedHeaders = credential == null ? Map.of()
                : Map.of(config.getString(WebhookSinkConfig.AUTH_HEADER_NAME), credential);
    }

    /** POSTs {@code json} with {@code headers} (and the auth header); never throws for a failed request. */
    public Answer post(final String json, final Map<String, String> headers) throws InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        fixedHeaders.forEach(request::header);
        headers.forEach(request::header);
        try {
            return Answer.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (final IOException e) {
            return Answer.failed(e);
        }
    }

    private static SSLContext sslContext(final Path location, final String type, final Password password) {
        try (InputStream in = Files.newInputStream(location)) {
            final KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.value().toCharArray());
            final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (final IOException | GeneralSecurityException e) {
            throw new ConnectException("Cannot load " + WebhookSinkConfig.TRUSTSTORE_LOCATION + "=" + location + ": "
                    + e.getMessage(), e);
        }
    }
}
