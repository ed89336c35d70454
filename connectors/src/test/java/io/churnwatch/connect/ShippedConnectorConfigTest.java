package io.churnwatch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.connect.billing.BillingCdcConfig;
import io.churnwatch.connect.billing.BillingEventTransform;
import io.churnwatch.connect.it.ShippedConnector;
import io.churnwatch.connect.postgres.PostgresSinkConnector;
import io.churnwatch.connect.webhook.WebhookSinkConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The connector JSONs shipped in {@code connectors/config/} are valid for the connector they name: every key that
 * is not the worker's own (converters, errors, topics) is one the connector declares, and the connector's
 * validation accepts the values; the Debezium CDC connector's {@code transforms.*} keys are our transform's. A
 * renamed key fails here rather than silently at a user's worker.
 */
class ShippedConnectorConfigTest {

    private static final Pattern WORKER_KEYS = Pattern.compile(
            "name|connector\\.class|tasks\\.max|topics|(key|value|header)\\.converter(\\..+)?|errors\\..+");

    @ParameterizedTest
    @CsvSource({"webhook-sink.json", "postgres-alerts.json", "postgres-health.json"})
    void shouldDeclareEveryKeyWhenAShippedConfigIsRead(final String file) {
        final Map<String, String> config = config(file);
        final Set<String> declared = connector(config).config().names();

        assertThat(config.keySet().stream().filter(key -> !WORKER_KEYS.matcher(key).matches()))
                .as("keys of %s", file).isNotEmpty().allMatch(declared::contains);
    }

    @ParameterizedTest
    @CsvSource({"webhook-sink.json", "postgres-alerts.json", "postgres-health.json"})
    void shouldPassTheConnectorsValidationWhenAShippedConfigIsRead(final String file) {
        final Map<String, String> config = config(file);

        final Map<String, List<String>> errors = connector(config).validate(config).configValues().stream()
                .filter(value -> !value.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));

        assertThat(errors).as("validation of %s", file).isEmpty();
    }

    @Test
    void shouldConfigureOurTransformWithDeclaredKeysWhenTheCdcConfigIsRead() {
        final Map<String, String> config = config("debezium-billing-cdc.json");
        final String prefix = "transforms." + config.get("transforms") + ".";
        final Map<String, String> transform = config.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && !e.getKey().equals(prefix + "type"))
                .collect(Collectors.toMap(e -> e.getKey().substring(prefix.length()), Map.Entry::getValue));

        assertThat(config.get(prefix + "type")).isEqualTo(BillingEventTransform.class.getName());
        assertThat(transform.keySet()).isNotEmpty().allMatch(BillingCdcConfig.CONFIG_DEF.names()::contains);
        assertThat(new BillingCdcConfig(transform).getString(BillingCdcConfig.TOPIC)).isEqualTo("billing");
    }

    private static Map<String, String> config(final String file) {
        final ShippedConnector shipped = ShippedConnector.read(file);
        final Map<String, String> config = new HashMap<>(shipped.config());
        config.put("name", shipped.name());
        return config;
    }

    private static Connector connector(final Map<String, String> config) {
        final String type = config.get("connector.class");
        if (WebhookSinkConnector.class.getName().equals(type)) {
            return new WebhookSinkConnector();
        }
        assertThat(type).isEqualTo(PostgresSinkConnector.class.getName());
        return new PostgresSinkConnector();
    }
}
