package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The settings a plain Kafka client (producer, admin) of churnwatch starts from: {@code bootstrap.servers} and
 * every key churnwatch does not declare itself ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}, client
 * tuning), passed through unchanged, as {@link StreamsSettings} does for Kafka Streams.
 */
public final class ClientSettings {

    private ClientSettings() {
    }

    /** A new mutable map: callers add their own client's defaults. */
    public static Map<String, Object> of(final ChurnConfig config) {
        final Map<String, Object> settings = new HashMap<>();
        config.originals().forEach((key, value) -> {
            if (!ChurnConfig.CONFIG_DEF.names().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(config));
        return settings;
    }

    /** {@code bootstrap.servers} as one comma-separated string. */
    public static String bootstrapServers(final ChurnConfig config) {
        return String.join(",", config.getList(ChurnConfig.BOOTSTRAP_SERVERS));
    }
}
