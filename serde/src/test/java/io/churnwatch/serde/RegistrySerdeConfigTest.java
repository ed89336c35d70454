package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistrySerdeConfigTest {

    @Test
    void shouldDefaultLikeConfluentSerializersWhenOnlyUrlIsGiven() {
        final RegistrySerdeConfig config = new RegistrySerdeConfig(
                Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081,http://b:8081"));

        assertThat(config.urls()).containsExactly("http://a:8081", "http://b:8081");
        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.credentialsSource()).isEqualTo(RegistrySerdeConfig.CredentialsSource.URL);
        assertThat(config.retries()).isEqualTo(3);
    }

    @Test
    void shouldRequireUrlWhenCreatingClient() {
        assertThatThrownBy(() -> new RegistrySerdeConfig(Map.of()).createClient())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistrySerdeConfig.SCHEMA_REGISTRY_URL);
    }

    @Test
    void shouldRejectUrlWhenSchemeIsNotHttp() {
        final RegistrySerdeConfig config = new RegistrySerdeConfig(
                Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "ftp://registry:21"));

        assertThatThrownBy(config::createClient).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ftp://registry:21");
    }

    @Test
    void shouldRequireUserInfoWhenCredentialsSourceIsUserInfo() {
        final RegistrySerdeConfig config = new RegistrySerdeConfig(Map.of(
                RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081",
                RegistrySerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"));

        assertThatThrownBy(config::createClient).isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistrySerdeConfig.BASIC_AUTH_USER_INFO);
    }

    @Test
    void shouldHideSecretsWhenPrinted() {
        final RegistrySerdeConfig config = new RegistrySerdeConfig(Map.of(
                RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "https://alice:url-s3cret@registry:8081/apis/ccompat/v7",
                RegistrySerdeConfig.BASIC_AUTH_USER_INFO, "bob:info-s3cret",
                RegistrySerdeConfig.SSL_TRUSTSTORE_PASSWORD, "store-s3cret"));

        assertThat(config.toString())
                .contains("https://registry:8081/apis/ccompat/v7")
                .doesNotContain("s3cret", "alice");
    }
}
