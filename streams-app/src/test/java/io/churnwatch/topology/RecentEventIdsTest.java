package io.churnwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** An account's recent event ids: what is remembered, what is forgotten, and the stored form. */
class RecentEventIdsTest {

    private static final long DAY = 86_400_000L;
    private static final long T = 1_767_571_200_000L;

    private final RecentEventIds ids = RecentEventIds.empty();

    @Test
    void shouldContainAnIdWhenItWasRememberedAtAnEventTimeWithinTheHorizon() {
        ids.remember(RecentEventIds.hash("u-1"), T, T - DAY);

        assertThat(ids.contains(RecentEventIds.hash("u-1"), T + DAY, DAY)).isTrue();
        assertThat(ids.contains(RecentEventIds.hash("u-1"), T + DAY + 1, DAY)).isFalse();
        assertThat(ids.contains(RecentEventIds.hash("u-2"), T, DAY)).isFalse();
    }

    @Test
    void shouldForgetIdsOlderThanTheCutoffWhenRememberingAnother() {
        ids.remember(RecentEventIds.hash("u-1"), T, Long.MIN_VALUE);
        ids.remember(RecentEventIds.hash("u-2"), T + DAY, Long.MIN_VALUE);

        ids.remember(RecentEventIds.hash("u-3"), T + 3 * DAY, T + 1);

        assertThat(ids.size()).isEqualTo(2);
        assertThat(ids.contains(RecentEventIds.hash("u-1"), T, DAY)).isFalse();
        assertThat(ids.contains(RecentEventIds.hash("u-2"), T + DAY, 0)).isTrue();
    }

    @Test
    void shouldNotRememberAnIdWhenItIsItselfOlderThanTheCutoff() {
        ids.remember(RecentEventIds.hash("late"), T, T + 1);

        assertThat(ids.size()).isZero();
    }

    @Test
    void shouldForgetTheOldestIdFirstWhenTheLimitIsReached() {
        // Remembered newest first: the oldest is the last one remembered before the limit.
        for (int i = 0; i < RecentEventIds.MAX_IDS; i++) {
            ids.remember(RecentEventIds.hash("u-" + i), T - i, Long.MIN_VALUE);
        }

        ids.remember(RecentEventIds.hash("one-more"), T, Long.MIN_VALUE);

        assertThat(ids.size()).isEqualTo(RecentEventIds.MAX_IDS);
        assertThat(ids.contains(RecentEventIds.hash("u-" + (RecentEventIds.MAX_IDS - 1)), T, DAY)).isFalse();
        assertThat(ids.contains(RecentEventIds.hash("u-0"), T, 0)).isTrue();
        assertThat(ids.contains(RecentEventIds.hash("one-more"), T, 0)).isTrue();
    }

    @Test
    void shouldReadBackEveryIdWhenWrittenAndRead() {
        ids.remember(RecentEventIds.hash("u-1"), T + DAY, Long.MIN_VALUE);
        ids.remember(RecentEventIds.hash("u-2"), T, Long.MIN_VALUE);
        final ByteBuffer bytes = ByteBuffer.allocate(ids.encodedSize());

        ids.write(bytes);
        final RecentEventIds read = RecentEventIds.read(bytes.flip());

        assertThat(bytes.remaining()).isZero();
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.contains(RecentEventIds.hash("u-1"), T + DAY, 0)).isTrue();
        assertThat(read.contains(RecentEventIds.hash("u-2"), T, 0)).isTrue();
    }

    @Test
    void shouldSpreadIdsThatDifferInTheirLastCharacterWhenHashing() {
        final long a = RecentEventIds.hash("u-1000");
        final long b = RecentEventIds.hash("u-1001");

        assertThat(Long.bitCount(a ^ b)).isBetween(16, 48);
        assertThat(Long.numberOfLeadingZeros(a ^ b)).isLessThan(8);
    }

    /** The hash is part of the stored format: a changed function would not recognise ids stored before. */
    @Test
    void shouldHashAsStoredStatesExpectWhenTheFunctionIsUnchanged() {
        assertThat(RecentEventIds.hash("")).isEqualTo(fnvThenSplitMix(new byte[0]));
        assertThat(RecentEventIds.hash("u-é")).isEqualTo(fnvThenSplitMix(new byte[] {'u', 0, '-', 0, (byte) 0xe9, 0}));
    }

    /** FNV-1a 64 over the UTF-16LE bytes, SplitMix64's finaliser: the documented function, written out. */
    private static long fnvThenSplitMix(final byte[] utf16le) {
        long h = 0xcbf29ce484222325L;
        for (final byte b : utf16le) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
