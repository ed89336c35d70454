package io.churnwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.CollectingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepScenarioTest {

    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant WINDOW = DAY.plus(Duration.ofHours(6));
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Duration SILENCE = Duration.ofDays(14);

    private final SweepScenario scenario = new SweepScenario(500, 40, 20, INTERVAL, SILENCE, DAY);

    private List<UsageEvent> setup() {
        final CollectingSink sink = new CollectingSink();
        scenario.setup(sink);
        return sink.usage();
    }

    @Test
    void shouldPutEveryExpiringDeadlineInTheFirstHalfOfTheWindowWhenSettingUp() {
        final List<Instant> deadlines = setup().stream().filter(e -> e.getAccountId().startsWith("expiring-"))
                .map(e -> e.getOccurredAt().plus(SILENCE)).toList();

        assertThat(deadlines).hasSize(40)
                .allMatch(at -> at.isAfter(WINDOW) && at.isBefore(WINDOW.plus(INTERVAL.multipliedBy(10))));
    }

    @Test
    void shouldPutTrackedAccountsBeforeTheWindowWhenSettingUp() {
        final List<UsageEvent> tracked = setup().stream().filter(e -> e.getAccountId().startsWith("tracked-"))
                .toList();

        assertThat(tracked).hasSize(500)
                .allMatch(e -> e.getOccurredAt().isBefore(WINDOW.minus(Duration.ofHours(1)).plusMillis(1)));
    }

    @Test
    void shouldSendEventsInEventTimeOrderWhenSettingUp() {
        assertThat(setup()).extracting(UsageEvent::getOccurredAt).isSorted();
    }

    @Test
    void shouldSpaceTicksOneIntervalApartWhenTicking() {
        final CollectingSink sink = new CollectingSink();
        scenario.ticks(3, 5, sink);

        assertThat(sink.usage()).extracting(UsageEvent::getOccurredAt).containsExactly(
                WINDOW.plus(INTERVAL.multipliedBy(3)), WINDOW.plus(INTERVAL.multipliedBy(4)),
                WINDOW.plus(INTERVAL.multipliedBy(5)));
    }

    @Test
    void shouldTickAfterMidnightWhenCrossingTheDayBoundary() {
        final CollectingSink sink = new CollectingSink();
        scenario.dayBoundary(sink);

        assertThat(sink.usage()).singleElement().extracting(UsageEvent::getOccurredAt)
                .isEqualTo(DAY.plus(Duration.ofDays(1)).plus(INTERVAL));
    }

    @Test
    void shouldRefuseWhenTheTicksWouldRunPastMidnight() {
        assertThatThrownBy(() -> new SweepScenario(10, 10, 18, Duration.ofHours(1), SILENCE, DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before midnight");
    }
}
