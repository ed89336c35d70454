package io.churnwatch.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class WebhookSinkConfigTest {

    @Test
    void shouldNameTheKeyWhenTheUrlIsNotHttp() {
        assertThatThrownBy(() -> new WebhookSinkConfig(Map.of(WebhookSinkConfig.URL, "ftp://crm.example.com/hook")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("webhook.url")
                .hasMessageContaining("http");
    }

    @Test
    void shouldRefuseWhenTheBackoffCapIsBelowTheFirstBackoff() {
        assertThatThrownBy(() -> new WebhookSinkConfig(Map.of(WebhookSinkConfig.URL, "https://crm.example.com/hook",
                WebhookSinkConfig.RETRY_BACKOFF_MS, "500", WebhookSinkConfig.RETRY_BACKOFF_MAX_MS, "100")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WebhookSinkConfig.RETRY_BACKOFF_MAX_MS);
    }

    @Test
    void shouldKeyEachVersionOfAnAlertWhenDefaultsApply() {
        final WebhookSinkConfig config = new WebhookSinkConfig(Map.of(WebhookSinkConfig.URL, "https://crm.example.com/h"));

        assertThat(config.idempotencyFields()).containsExactly("alertId", "revision", "status", "severity");
        assertThat(config.authHeaderValue()).isNull();
    }

    @Test
    void shouldHideTheCredentialWhenTheConfigIsPrinted() {
        final WebhookSinkConfig config = new WebhookSinkConfig(Map.of(WebhookSinkConfig.URL, "https://crm.example.com/h",
                WebhookSinkConfig.AUTH_HEADER_VALUE, "Bearer s3cret"));

        assertThat(config.authHeaderValue()).isEqualTo("Bearer s3cret");
        assertThat(config.values().toString()).doesNotContain("s3cret");
    }
}
