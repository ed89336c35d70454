package io.churnwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
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

    private static byte[] encode(final DailyCounts ring) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(bytes, null);
        ring.write(out);
        out.flush();
        return bytes.toByteArray();
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
        final DailyCounts copy = DailyCounts.read(DecoderFactory.get().binaryDecoder(bytes, null));

        assertThat(copy).isEqualTo(ring);
        assertThat(encode(copy)).isEqualTo(bytes);
    }

    @Test
    void shouldEncodeEmptyRingInFewBytes() throws IOException {
        assertThat(encode(new DailyCounts(35, 20_000))).hasSizeLessThan(6);
    }
}
