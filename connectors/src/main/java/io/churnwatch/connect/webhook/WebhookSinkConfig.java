package io.churnwatch.connect.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The webhook sink's keys, each declared once (type, default, validator, doc); the table in
 * {@code connectors/README.md} is generated from {@link #CONFIG_DEF}. Secrets are {@code PASSWORD}-typed, so
 * Connect masks them in its REST API and logs, and a {@code ConfigProvider} reference such as
 * {@code ${file:/secrets/crm.properties:token}} is resolved by the worker before the task sees it.
 */
public final class WebhookSinkConfig extends AbstractConfig {

    public static final String URL = "webhook.url";
    public static final String AUTH_HEADER_NAME = "webhook.auth.header.name";
    public static final String AUTH_HEADER_VALUE = "webhook.auth.header.value";
    public static final String IDEMPOTENCY_HEADER = "webhook.idempotency.header.name";
    public static final String IDEMPOTENCY_FIELDS = "webhook.idempotency.key.fields";
    public static final String CONNECT_TIMEOUT_MS = "webhook.connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "webhook.request.timeout.ms";
    public static final String RETRY_MAX_ATTEMPTS = "webhook.retry.max.attempts";
    public static final String RETRY_BACKOFF_MS = "webhook.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "webhook.retry.backoff.max.ms";
    public static final String RATE_LIMIT = "webhook.rate.limit.per.second";
    public static final String TRUSTSTORE_LOCATION = "webhook.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "webhook.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "webhook.ssl.truststore.type";

    private static final String GROUP = "Webhook";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new HttpUrl(), Importance.HIGH,
                    "The CRM endpoint each record's value is POSTed to, as JSON with the contract's field names.",
                    GROUP, 1, ConfigDef.Width.LONG, "Webhook URL")
            .define(AUTH_HEADER_NAME, Type.STRING, "Authorization", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "The header that carries the credential.")
            .define(AUTH_HEADER_VALUE, Type.PASSWORD, null, Importance.HIGH,
                    "The credential, e.g. 'Bearer <token>'; none sent when unset. Use a ConfigProvider reference "
                            + "rather than the secret itself.")
            .define(IDEMPOTENCY_HEADER, Type.STRING, "Idempotency-Key", new ConfigDef.NonEmptyString(),
                    Importance.LOW, "The header that carries the record's idempotency key.")
            .define(IDEMPOTENCY_FIELDS, Type.LIST, "alertId,revision,status,severity", new NonEmptyList(),
                    Importance.MEDIUM, "Value fields joined with ':' into the idempotency key: unique per version of "
                            + "an alert, so a redelivery is a no-op for the CRM and a severity raise is news. For "
                            + "account-health use 'accountId,asOf'.")
            .define(CONNECT_TIMEOUT_MS, Type.LONG, 5_000L, Range.atLeast(1), Importance.LOW,
                    "How long to wait for a TCP/TLS connection to the endpoint.")
            .define(REQUEST_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.MEDIUM,
                    "How long to wait for an answer; a timeout is retried like a 5xx.")
            .define(RETRY_MAX_ATTEMPTS, Type.INT, 5, Range.atLeast(1), Importance.MEDIUM,
                    "Attempts of one request within a put (on 408, 429, 5xx, timeouts and connection errors) "
                            + "before the task hands the batch back to Connect, which redelivers it after "
                            + "webhook.retry.backoff.max.ms; nothing is dropped.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 200L, Range.atLeast(0), Importance.LOW,
                    "The first retry's backoff; doubled per attempt, with jitter.")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 10_000L, Range.atLeast(0), Importance.LOW,
                    "The longest backoff, and the cap on a Retry-After the endpoint asks for.")
            .define(RATE_LIMIT, Type.DOUBLE, 0.0, Range.atLeast(0), Importance.MEDIUM,
                    "Requests per second per task at most (token bucket, bursts of one second's worth); 0 for no "
                            + "limit. Set it under the CRM's API quota divided by tasks.max.")
            .define(TRUSTSTORE_LOCATION, Type.STRING, null, Importance.LOW,
                    "A truststore for the endpoint's TLS certificate; the JVM's default trust when unset.")
            .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW, "The truststore's password.")
            .define(TRUSTSTORE_TYPE, Type.STRING, "PKCS12", ConfigDef.ValidString.in("PKCS12", "JKS"),
                    Importance.LOW, "The truststore's format.");

    public WebhookSinkConfig(final Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        if (getLong(RETRY_BACKOFF_MAX_MS) < getLong(RETRY_BACKOFF_MS)) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS, getLong(RETRY_BACKOFF_MAX_MS),
                    "must be at least " + RETRY_BACKOFF_MS + " (" + getLong(RETRY_BACKOFF_MS) + ")");
        }
        if (getString(TRUSTSTORE_LOCATION) != null && getString(URL).startsWith("http:")) {
            throw new ConfigException(TRUSTSTORE_LOCATION, getString(TRUSTSTORE_LOCATION),
                    "is set but " + URL + " is plain http");
        }
    }

    public URI url() {
        return URI.create(getString(URL));
    }

    /** The credential, or null when none is configured. */
    public String authHeaderValue() {
        final Password password = getPassword(AUTH_HEADER_VALUE);
        return password == null ? null : password.value();
    }

    public List<String> idempotencyFields() {
        return getList(IDEMPOTENCY_FIELDS);
    }

    public Backoff backoff(final java.util.function.DoubleSupplier random) {
        return new Backoff(getLong(RETRY_BACKOFF_MS), getLong(RETRY_BACKOFF_MAX_MS), random);
    }

    /** An absolute http or https URL with a host. */
    static final class HttpUrl implements ConfigDef.Validator {
        @Override
        public void ensureValid(final String name, final Object value) {
            if (value == null) {
                throw new ConfigException(name, null, "an http(s) URL is required");
            }
            try {
                final URI uri = new URI(value.toString());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new ConfigException(name, value, "must be an absolute http:// or https:// URL with a host");
                }
            } catch (final URISyntaxException e) {
                throw new ConfigException(name, value, "is not a URL: " + e.getReason());
            }
        }

        @Override
        public String toString() {
            return "http(s) URL";
        }
    }

    /** A list with at least one non-blank entry. */
    static final class NonEmptyList implements ConfigDef.Validator {
        @Override
        public void ensureValid(final String name, final Object value) {
            if (!(value instanceof List<?> list) || list.isEmpty() || list.stream().anyMatch(v -> v.toString().isBlank())) {
                throw new ConfigException(name, value, "needs at least one field name");
            }
        }

        @Override
        public String toString() {
            return "non-empty list";
        }
    }
}
