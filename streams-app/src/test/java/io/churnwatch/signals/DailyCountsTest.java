package io.churnwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static byte[] encode(final DailyCounts ring) {
        final StateWriter out = new StateWriter(16);
        ring.write(out);
        return out.toByteArray();
    }

    private static DailyCounts decode(final byte[] bytes, final int version) throws IOException {
        return DailyCounts.read(new StateReader(bytes, 0, version));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 6})
    void shouldReadBackEqualRingWhenEncoded(final int filledFromOffset) throws IOException {
        final DailyCounts ring = new DailyCounts(7, 100);
        if (filledFromOffset >= 0) {
            for (int d = 94 + filledFromOffset; d <= 100; d++) {
                ring.add(d, d);
            }
        }

        final byte[] bytes = encode(ring);
        final DailyCounts copy = decode(bytes, AccountStateSerde.VERSION);

        assertThat(copy).isEqualTo(ring);
        assertThat(encode(copy)).isEqualTo(bytes);
    }

    @Test
    void shouldReadBackEqualRingWhenEmptyDaysAreScattered() throws IOException {
        final DailyCounts ring = new DailyCounts(35, 500);
        for (final int day : new int[] {466, 470, 471, 480, 499}) {
            ring.add(day, day - 460);
        }

        assertThat(decode(encode(ring), AccountStateSerde.VERSION)).isEqualTo(ring);
    }

    @Test
    void shouldEncodeEmptyRingInFewBytes() {
        assertThat(encode(new DailyCounts(35, 20_000))).hasSizeLessThan(6);
    }

    @Test
    void shouldEncodeQuietRingInFewBytesWhateverItsSize() {
        final DailyCounts ring = new DailyCounts(DailyCounts.MAX_SIZE, 20_000);
        ring.add(17_000, 3);
        ring.add(19_990, 1);

        assertThat(encode(ring)).hasSizeLessThan(16);
    }

    @Test
    void shouldReadVersionOneRingWhenEveryDayAfterLeadingEmptyOnesIsWritten() throws IOException {
        final StateWriter v1 = new StateWriter(16);
        v1.writeInt(7);
        v1.writeLong(100);
        v1.writeInt(3);
        for (final int value : new int[] {5, 0, 7, 9}) {
            v1.writeInt(value);
        }

        final DailyCounts ring = decode(v1.toByteArray(), 1);

        assertThat(ring.headDay()).isEqualTo(100);
        assertThat(ring.sum(94, 97)).isZero();
        assertThat(ring.sum(97, 98)).isEqualTo(5);
        assertThat(ring.sum(99, 101)).isEqualTo(16);
    }

    @Test
    void shouldRejectTokensBeyondHeadDay() {
        final StateWriter out = new StateWriter(16);
        out.writeInt(7);
        out.writeLong(100);
        out.writeInt(2);
        out.writeInt(0);
        out.writeInt(7);
        out.writeInt(4);

        assertThatThrownBy(() -> decode(out.toByteArray(), AccountStateSerde.VERSION))
                .isInstanceOf(IOException.class);
    }
}
