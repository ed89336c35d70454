package io.churnwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void shouldKeepTheDelayWhenAnOutputMatchesASentEvent() {
        final LatencyRecorder recorder = new LatencyRecorder(0);
        recorder.sent("acct-1", 1_000, 5_000);

        recorder.arrived("acct-1", 1_000, 8_000);

        assertThat(recorder.summary().matched()).isEqualTo(1);
        assertThat(recorder.summary().maxNanos()).isEqualTo(3_000);
    }

    @Test
    void shouldCountAnOutputAsUnmatchedWhenItsEventTimeWasNotSentForThatAccount() {
        final LatencyRecorder recorder = new LatencyRecorder(0);
        recorder.sent("acct-1", 1_000, 5_000);

        recorder.arrived("acct-2", 1_000, 8_000);
        recorder.arrived("acct-1", 1_001, 8_000);

        assertThat(recorder.summary().matched()).isZero();
        assertThat(recorder.summary().unmatched()).isEqualTo(2);
    }

    @Test
    void shouldLeaveOutEventsSentDuringTheWarmupWhenSummarising() {
        final LatencyRecorder recorder = new LatencyRecorder(10_000);
        recorder.sent("acct-1", 1_000, 9_999);
        recorder.sent("acct-1", 2_000, 10_000);

        recorder.arrived("acct-1", 1_000, 20_000);
        recorder.arrived("acct-1", 2_000, 20_000);

        assertThat(recorder.summary().matched()).isEqualTo(1);
        assertThat(recorder.summary().maxNanos()).isEqualTo(10_000);
    }

    @Test
    void shouldKeepTheFirstSendTimeWhenAnEventIsSentTwice() {
        final LatencyRecorder recorder = new LatencyRecorder(0);
        recorder.sent("acct-1", 1_000, 5_000);
        recorder.sent("acct-1", 1_000, 7_000);

        recorder.arrived("acct-1", 1_000, 8_000);

        assertThat(recorder.summary().maxNanos()).isEqualTo(3_000);
    }

    @Test
    void shouldGiveNearestRankPercentilesWhenSummarising() {
        final LatencyRecorder recorder = new LatencyRecorder(0);
        for (int i = 1; i <= 200; i++) {
            recorder.sent("acct-" + i, i, 0);
            recorder.arrived("acct-" + i, i, i * 1_000L);
        }

        final LatencyRecorder.Summary summary = recorder.summary();

        assertThat(summary.p50Nanos()).isEqualTo(100_000);
        assertThat(summary.p99Nanos()).isEqualTo(198_000);
        assertThat(summary.maxNanos()).isEqualTo(200_000);
    }

    @Test
    void shouldGiveZeroPercentilesWhenNothingMatched() {
        assertThat(LatencyRecorder.percentile(new long[0], 0.99)).isZero();
    }
}
