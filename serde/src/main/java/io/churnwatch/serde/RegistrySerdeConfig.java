package io.churnwatch.serde;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of the registry serde, under the keys of Confluent's serializers so that existing client
 * configurations work unchanged. Keys this class does not declare are ignored, so the whole configuration of
 * a Kafka Streams application can be passed in.
 *
 * <p>{@code schema.registry.url} is a comma-separated list: the client moves to the next URL when one cannot
 * be reached. {@code mock://<scope>} selects the shared {@link InMemorySchemaRegistryClient} of that scope.
 * Passwords ({@code basic.auth.user.info}, the SSL passwords) are {@link Password}s and credentials in URLs are
 * redacted: neither appears in {@link #toString()}, logs or exception messages.
 */
public final class RegistrySerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String RETRIES = "schema.registry.retries";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String SPECIFIC_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_VALUE_TYPE = "specific.avro.value.type";

    /** Where the credentials of HTTP basic authentication come from. */
    public enum CredentialsSource { USER_INFO, URL }

    static final String MOCK_SCHEME = "mock://";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, List.of(), Importance.HIGH,
                    "Comma-separated base URLs of a registry speaking the Confluent Schema Registry REST API, e.g. "
                            + "http://localhost:8081 or http://host:8080/apis/ccompat/v7 (Apicurio); "
                            + "mock://<scope> for an in-memory registry in tests.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the schema of a record the first time it is serialized; when false the schema must "
                            + "already be registered under the subject.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Serialize with the subject's latest schema (read once per serializer) instead of the record's "
                            + "own; the latest schema must be able to read the record's. Implies no registration.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, CredentialsSource.URL.name(),
                    ConfigDef.ValidString.in(CredentialsSource.USER_INFO.name(), CredentialsSource.URL.name()),
                    Importance.MEDIUM, "USER_INFO: basic.auth.user.info; URL: the user info of each URL.")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                    "user:password for HTTP basic authentication when the credentials source is USER_INFO.")
            .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, "", Importance.LOW,
                    "Trust store of the registry's certificate authority (https URLs); JDK defaults when empty.")
            .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW, "Password of the trust store.")
            .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "Trust store type: JKS or PKCS12.")
            .define(SSL_KEYSTORE_LOCATION, Type.STRING, "", Importance.LOW,
                    "Key store with the client certificate for mutual TLS; none when empty.")
            .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW, "Password of the key store.")
            .define(SSL_KEYSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "Key store type: JKS or PKCS12.")
            .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW,
                    "Password of the private key; the key store password when unset.")
            .define(REQUEST_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Timeout of connecting to the registry and of each request, in ms.")
            .define(RETRIES, Type.INT, 3, ConfigDef.Range.between(0, 10), Importance.LOW,
                    "Retries of a request when no registry URL can be reached (or all answer 502/503/504).")
            .define(RETRY_BACKOFF_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Wait before the first retry, in ms; doubled before each further retry.")
            .define(SPECIFIC_KEY_TYPE, Type.CLASS, null, Importance.LOW,
                    "Generated Avro class of keys, for a key serde built from configuration.")
            .define(SPECIFIC_VALUE_TYPE, Type.CLASS, null, Importance.LOW,
                    "Generated Avro class of values, for a value serde built from configuration.");

    public RegistrySerdeConfig(final Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
    }

    /** The configured base URLs, as given (they may carry credentials: never log them, see {@link #toString()}). */
    public List<String> urls() {
        return getList(SCHEMA_REGISTRY_URL);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public CredentialsSource credentialsSource() {
        return CredentialsSource.valueOf(getString(BASIC_AUTH_CREDENTIALS_SOURCE));
    }

    /** {@code user:password} from {@code basic.auth.user.info}, if set. */
    public Optional<String> userInfo() {
        return password(BASIC_AUTH_USER_INFO);
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(getInt(REQUEST_TIMEOUT_MS));
    }

    public int retries() {
        return getInt(RETRIES);
    }

    public long retryBackoffMs() {
        return getLong(RETRY_BACKOFF_MS);
    }

    /** The configured generated class of keys or values, if any. */
    public Optional<Class<?>> specificType(final boolean isKey) {
        return Optional.ofNullable(getClass(isKey ? SPECIFIC_KEY_TYPE : SPECIFIC_VALUE_TYPE));
    }

    /**
     * A client for the configured registry: the in-memory one of a {@code mock://} scope, or a
     * {@link RestSchemaRegistryClient} behind a {@link CachingSchemaRegistryClient}.
     *
     * @throws ConfigException when no URL is configured or mock and HTTP URLs are mixed
     */
    public SchemaRegistryClient createClient() {
        final List<String> urls = urls();
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required, e.g. http://localhost:8081");
        }
        final long mocks = urls.stream().filter(url -> url.startsWith(MOCK_SCHEME)).count();
        if (mocks == 0) {
            return new CachingSchemaRegistryClient(RestSchemaRegistryClient.create(this));
        }
        if (urls.size() > 1) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " takes a single mock://<scope> URL, not a list");
        }
        return InMemorySchemaRegistryClient.forScope(urls.get(0).substring(MOCK_SCHEME.length()));
    }

    Optional<String> password(final String key) {
        return Optional.ofNullable(getPassword(key)).map(Password::value).filter(value -> !value.isEmpty());
    }

    /** The settings without secrets: URLs lose their user info, passwords are not shown. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RegistrySerdeConfig{urls=%s, autoRegister=%s, useLatestVersion=%s, "
                        + "credentialsSource=%s, userInfo=%s, truststore=%s, keystore=%s, retries=%d, backoffMs=%d}",
                urls().stream().map(RegistryEndpoint::redact).toList(), autoRegisterSchemas(), useLatestVersion(),
                credentialsSource(), userInfo().isPresent() ? "[hidden]" : "none",
                getString(SSL_TRUSTSTORE_LOCATION), getString(SSL_KEYSTORE_LOCATION), retries(), retryBackoffMs());
    }
}
