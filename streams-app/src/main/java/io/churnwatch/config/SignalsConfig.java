package io.churnwatch.config;

import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Thresholds, windows and weights of the churn signals and the health score.
 *
 * <p>Declared in {@link #define(ConfigDef)} and read through typed accessors; {@link ChurnConfig} merges the
 * definitions so that one configuration is validated as a whole.
 */
public final class SignalsConfig {

    public static final String GRACE = "window.grace";

    private final AbstractConfig config;

    SignalsConfig(final AbstractConfig config) {
        this.config = config;
    }

    static ConfigDef define(final ConfigDef def) {
        return def
                .define(GRACE, Type.LONG, Duration.ofDays(1).toMillis(), ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                        "How late (ms of event time) a record may arrive and still count in its window.");
    }

    public Duration grace() {
        return Duration.ofMillis(config.getLong(GRACE));
    }
}
