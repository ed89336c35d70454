package io.churnwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DailyCountsTest {

    @Test
    void shouldSumOnlyDaysInsideRange() {
        final DailyCounts ring = new DailyCounts(7, 100);
        ring.add(98, 2);
        ring.add(99, 3);
        ring.add(100, 5);

        assertThat(ring.sum(99, 101)).isEqualTo(8);
        assertThat(ring.sum(0, 99)).isEqualTo(2);
    }

    @Test
    void shouldForgetDaysWhenRollingPastThem() {
        final DailyCounts ring = new DailyCounts(7, 100);
        ring.add(95, 4);
        ring.add(100, 1);

        ring.rollTo(102);

        assertThat(ring.sum(0, 200)).isEqualTo(1);
        assertThat(ring.sum(101, 103)).isZero();
    }

    @Test
    void shouldClearEverythingWhenRollingBeyondRingSize() {
        final DailyCounts ring = new DailyCounts(7, 100);
        ring.add(100, 9);

        ring.rollTo(200);

        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.headDay()).isEqualTo(200);
    }

    @Test
    void shouldRejectDayOlderThanRing() {
        final DailyCounts ring = new DailyCounts(7, 100);

        assertThat(ring.add(93, 1)).isFalse();
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepDailyMaximumWhenRaised() {
        final DailyCounts ring = new DailyCounts(7, 100);
        ring.raise(99, 40);
        ring.raise(99, 30);
        ring.raise(100, 20);

        assertThat(ring.max(99, 101)).isEqualTo(40);
        assertThat(ring.max(100, 101)).isEqualTo(20);
    }

    @Test
    void shouldKeepNewestDaysWhenResized() {
        final DailyCounts ring = new DailyCounts(7, 100);
        for (int d = 94; d <= 100; d++) {
            ring.add(d, d - 93);
        }

        final DailyCounts smaller = ring.resized(3);
        final DailyCounts larger = ring.resized(10);

        assertThat(smaller.sum(0, 200)).isEqualTo(5 + 6 + 7);
        assertThat(larger.sum(0, 200)).isEqualTo(28);
        assertThat(larger.firstDay()).isEqualTo(91);
    }

    @Test
    void shouldBeEqualWhenSameDaysHoldSameValues() {
        final DailyCounts a = new DailyCounts(7, 100);
        final DailyCounts b = new DailyCounts(7, 90);
        a.add(99, 1);
        b.rollTo(99);
        b.add(99, 1);
        b.rollTo(100);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}
