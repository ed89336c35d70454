package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"ssl.keystore.password", "sasl.jaas.config", "basic.auth.user.info",
        "sasl.oauthbearer.client.credentials.client.secret", "API.SECRET", "aws.credentials.file"})
    void shouldMaskValueWhenKeyNamesSecret(final String key) {
        assertThat(SecretKeys.display(key, "s3cr3t")).isEqualTo(SecretKeys.MASK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap.servers", "schema.registry.url", "security.protocol", "sasl.mechanism"})
    void shouldShowValueWhenKeyIsNotSecret(final String key) {
        assertThat(SecretKeys.display(key, "plain")).isEqualTo("plain");
    }
}
