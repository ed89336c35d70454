package io.churnwatch.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleTheStepWhenAttemptsFail() {
        final Backoff top = new Backoff(100, 10_000, () -> 0.999_999);

        assertThat(top.delayMs(1, OptionalLong.empty())).isEqualTo(99);
        assertThat(top.delayMs(2, OptionalLong.empty())).isEqualTo(199);
        assertThat(top.delayMs(4, OptionalLong.empty())).isEqualTo(799);
    }

    @Test
    void shouldStayInTheUpperHalfOfTheStepWhenJittered() {
        final Backoff bottom = new Backoff(100, 10_000, () -> 0.0);

        assertThat(bottom.delayMs(3, OptionalLong.empty())).isEqualTo(200);
    }

    @Test
    void shouldNeverExceedTheCapWhenAttemptsAreMany() {
        final Backoff backoff = new Backoff(100, 2_000, () -> 0.5);

        assertThat(backoff.delayMs(200, OptionalLong.empty())).isBetween(1_000L, 2_000L);
    }

    @Test
    void shouldWaitAsLongAsRetryAfterAsksWhenItIsLongerThanTheStep() {
        final Backoff backoff = new Backoff(100, 5_000, () -> 0.0);

        assertThat(backoff.delayMs(1, OptionalLong.of(3_000))).isEqualTo(3_000);
    }

    @Test
    void shouldCapRetryAfterWhenTheEndpointAsksForTooLong() {
        final Backoff backoff = new Backoff(100, 5_000, () -> 0.0);

        assertThat(backoff.delayMs(1, OptionalLong.of(3_600_000))).isEqualTo(5_000);
    }
}
