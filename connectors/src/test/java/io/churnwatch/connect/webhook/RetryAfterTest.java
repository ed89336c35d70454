package io.churnwatch.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void shouldReadSecondsWhenTheHeaderIsANumber() {
        assertThat(RetryAfter.millis(Optional.of("120"), NOW)).hasValue(120_000);
    }

    @Test
    void shouldMeasureFromNowWhenTheHeaderIsAnHttpDate() {
        assertThat(RetryAfter.millis(Optional.of("Sun, 06 Dec 2026 10:00:30 GMT"), NOW)).hasValue(30_000);
    }

    @Test
    void shouldExpressNoPreferenceWhenTheDateHasPassed() {
        assertThat(RetryAfter.millis(Optional.of("Sun, 06 Dec 2026 09:00:00 GMT"), NOW)).isEmpty();
    }

    @Test
    void shouldExpressNoPreferenceWhenTheHeaderIsGarbageOrAbsent() {
        assertThat(RetryAfter.millis(Optional.of("soon"), NOW)).isEmpty();
        assertThat(RetryAfter.millis(Optional.empty(), NOW)).isEmpty();
    }
}
