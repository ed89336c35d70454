package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayProgressPrinterTest {

    @Test
    void shouldEstimateTheTimeLeftFromTheRateSoFarWhenPartOfTheRecordsAreReplayed() {
        assertThat(ReplayProgressPrinter.line(25_000, 100_000, Duration.ofSeconds(10)))
                .isEqualTo("replayed 25,000 of 100,000 records (25%), 2,500 records/s, about 30 s left");
    }

    @Test
    void shouldSayTheTimeLeftIsUnknownWhenNothingWasReplayedYet() {
        assertThat(ReplayProgressPrinter.line(0, 100_000, Duration.ofSeconds(5))).endsWith("time left unknown");
    }
}
