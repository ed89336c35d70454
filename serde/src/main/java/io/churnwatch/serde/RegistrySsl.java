package io.churnwatch.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the {@link SSLContext} of the registry's HTTP client from the {@code schema.registry.ssl.*} settings:
 * a trust store for the registry's certificate authority, and a key store with a client certificate for
 * mutual TLS. With neither set the JDK's default context (its own CA certificates) is used.
 */
final class RegistrySsl {

    private RegistrySsl() {
    }

    /**
     * The configured context, or empty when no store is configured.
     *
     * @throws ConfigException naming the store's key (never its password) when a store cannot be loaded
     */
    static Optional<SSLContext> context(final RegistrySerdeConfig config) {
        final String truststore = config.getString(RegistrySerdeConfig.SSL_TRUSTSTORE_LOCATION);
        final String keystore = config.getString(RegistrySerdeConfig.SSL_KEYSTORE_LOCATION);
        if (truststore.isEmpty() && keystore.isEmpty()) {
            return Optional.empty();
        }
        try {
            final TrustManager[] trust = truststore.isEmpty() ? null : trustManagers(load(config,
                    RegistrySerdeConfig.SSL_TRUSTSTORE_LOCATION, RegistrySerdeConfig.SSL_TRUSTSTORE_TYPE,
                    RegistrySerdeConfig.SSL_TRUSTSTORE_PASSWORD));
            final KeyManager[] keys = keystore.isEmpty() ? null : keyManagers(config, load(config,
                    RegistrySerdeConfig.SSL_KEYSTORE_LOCATION, RegistrySerdeConfig.SSL_KEYSTORE_TYPE,
                    RegistrySerdeConfig.SSL_KEYSTORE_PASSWORD));
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return Optional.of(context);
        } catch (final GeneralSecurityException e) {
            throw new ConfigException("Cannot build the TLS context of the schema registry client: " + e.getMessage());
        }
    }

    private static KeyStore load(final RegistrySerdeConfig config, final String locationKey, final String typeKey,
                                 final String passwordKey) {
        final String location = config.getString(locationKey);
        final String type = config.getString(typeKey);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            final KeyStore store = KeyStore.getInstance(type);
            store.load(in, password(config, passwordKey));
            return store;
        } catch (final IOException | GeneralSecurityException e) {
            throw new ConfigException(String.format(Locale.ROOT, "Cannot load %s=%s (%s=%s): %s",
                    locationKey, location, typeKey, type, e));
        }
    }

    private static TrustManager[] trustManagers(final KeyStore store) throws GeneralSecurityException {
        final TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(final RegistrySerdeConfig config, final KeyStore store)
            throws GeneralSecurityException {
        final char[] keyPassword = config.password(RegistrySerdeConfig.SSL_KEY_PASSWORD).map(String::toCharArray)
                .orElseGet(() -> password(config, RegistrySerdeConfig.SSL_KEYSTORE_PASSWORD));
        final KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, keyPassword);
        return factory.getKeyManagers();
    }

    private static char[] password(final RegistrySerdeConfig config, final String key) {
        return config.password(key).map(String::toCharArray).orElse(null);
    }
}
