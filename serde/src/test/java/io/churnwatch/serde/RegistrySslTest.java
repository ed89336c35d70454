package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS towards the registry: a self-signed certificate for 127.0.0.1 made by keytool serves both as the
 * registry's identity and as the client's, against an HTTPS registry that demands a client certificate.
 */
class RegistrySslTest {

    private static final String PASSWORD = "store-s3cret";

    @TempDir
    static Path folder;
    private static Path store;
    private static HttpsServer server;

    @BeforeAll
    static void startHttpsRegistry() throws Exception {
        store = folder.resolve("registry.p12");
        final String command = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        final Process keytool = new ProcessBuilder(command,
                "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        final String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()) {
            @Override
            public void configure(final HttpsParameters params) {
                final SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/schemas/ids/1", exchange -> {
            final byte[] body = "{\"schema\":\"\\\"string\\\"\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopHttpsRegistry() {
        server.stop(0);
    }

    @Test
    void shouldBuildContextWhenStoresAreConfigured() {
        assertThat(RegistrySsl.context(new RegistrySerdeConfig(settings(true)))).isPresent();
    }

    @Test
    void shouldFetchOverMutualTlsWhenTruststoreAndKeystoreAreConfigured() {
        final RestSchemaRegistryClient client = RestSchemaRegistryClient.create(
                new RegistrySerdeConfig(settings(true)));

        assertThat(client.getSchemaById(1)).isEqualTo(Schema.create(Schema.Type.STRING));
    }

    @Test
    void shouldFailAsUnavailableWhenClientCertificateIsMissing() {
        final RestSchemaRegistryClient client = RestSchemaRegistryClient.create(
                new RegistrySerdeConfig(settings(false)));

        assertThatThrownBy(() -> client.getSchemaById(1)).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void shouldNameStoreButNotPasswordWhenTruststoreCannotBeOpened() {
        final Map<String, Object> settings = settings(false);
        settings.put(RegistrySerdeConfig.SSL_TRUSTSTORE_PASSWORD, "wrong-s3cret");

        assertThatThrownBy(() -> RegistrySsl.context(new RegistrySerdeConfig(settings)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistrySerdeConfig.SSL_TRUSTSTORE_LOCATION)
                .message().doesNotContain("s3cret");
    }

    private static Map<String, Object> settings(final boolean withKeystore) {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "https://127.0.0.1:" + server.getAddress().getPort());
        settings.put(RegistrySerdeConfig.RETRIES, 0);
        settings.put(RegistrySerdeConfig.SSL_TRUSTSTORE_LOCATION, store.toString());
        settings.put(RegistrySerdeConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
        settings.put(RegistrySerdeConfig.SSL_TRUSTSTORE_PASSWORD, PASSWORD);
        if (withKeystore) {
            settings.put(RegistrySerdeConfig.SSL_KEYSTORE_LOCATION, store.toString());
            settings.put(RegistrySerdeConfig.SSL_KEYSTORE_TYPE, "PKCS12");
            settings.put(RegistrySerdeConfig.SSL_KEYSTORE_PASSWORD, PASSWORD);
        }
        return settings;
    }

    private static SSLContext serverContext() throws IOException, GeneralSecurityException {
        final KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        final TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(keys);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
