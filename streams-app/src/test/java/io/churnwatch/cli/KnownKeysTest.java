package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnownKeysTest {

    @Test
    void shouldSuggestChurnwatchKeyWhenKeyDiffersByOneLetter() {
        assertThat(KnownKeys.suggestion("scoring.verson")).contains(ChurnConfig.SCORING_VERSION);
    }

    @Test
    void shouldSuggestKafkaKeyWhenKafkaKeyMisspelled() {
        assertThat(KnownKeys.suggestion("securty.protocol")).contains("security.protocol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application.id", "security.protocol", "consumer.fetch.min.bytes",
        "topic.segment.bytes", "my.plugin.setting"})
    void shouldNotSuggestWhenKeyIsKnownOrFarFromAnyKnownKey(final String key) {
        assertThat(KnownKeys.suggestion(key)).isEmpty();
    }

    @Test
    void shouldWarnOncePerSuspiciousKeyInKeyOrderWhenGivenSeveralKeys() {
        assertThat(KnownKeys.warnings(List.of("topic.usgae", "security.protocol", "num.standby.replica")))
                .hasSize(2)
                .satisfiesExactly(
                        first -> assertThat(first).contains("'num.standby.replica'"),
                        second -> assertThat(second).contains("'topic.usgae'"));
    }
}
