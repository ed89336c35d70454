package io.churnwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When sweeps run and which events a replayed period leaves out. */
class SweepSettingsTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final SweepSettings daily = new SweepSettings(Duration.ofDays(1), 10_000,
            Instant.parse("2013-03-01T00:00:00Z").toEpochMilli());

    @Test
    void shouldScheduleTheNextSweepAtTheNextMidnightWhenSweepsAreDaily() {
        final long afternoon = Instant.parse("2013-02-10T15:30:00Z").toEpochMilli();

        assertThat(daily.nextSweepAfter(afternoon)).isEqualTo(Instant.parse("2013-02-11T00:00:00Z").toEpochMilli());
    }

    @Test
    void shouldScheduleTheNextSweepAWholeIntervalLaterWhenOneRunsExactlyOnABoundary() {
        final long midnight = Instant.parse("2013-02-10T00:00:00Z").toEpochMilli();

        assertThat(daily.nextSweepAfter(midnight)).isEqualTo(midnight + DAY);
    }

    @Test
    void shouldLeaveOutAnEventWhenItIsAtOrAfterTheEndOfTheReplayedPeriod() {
        final long end = Instant.parse("2013-03-01T00:00:00Z").toEpochMilli();

        assertThat(daily.beyondUntil(end - 1)).isFalse();
        assertThat(daily.beyondUntil(end)).isTrue();
        assertThat(new SweepSettings(Duration.ofDays(1), 10_000, -1).beyondUntil(end)).isFalse();
    }
}
