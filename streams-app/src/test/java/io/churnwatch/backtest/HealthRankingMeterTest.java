package io.churnwatch.backtest;

import static io.churnwatch.backtest.Histories.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRankingMeterTest {

    @Test
    void shouldGiveOneWhenEveryPositiveScoresBelowEveryNegative() {
        assertThat(HealthRankingMeter.auc(histogram(10, 20), histogram(30, 40), 2, 2)).isEqualTo(1.0);
    }

    @Test
    void shouldGiveZeroWhenTheRankingIsReversed() {
        assertThat(HealthRankingMeter.auc(histogram(80, 90), histogram(10, 20), 2, 2)).isEqualTo(0.0);
    }

    @Test
    void shouldCountTiesAsHalfWhenScoresAreEqual() {
        assertThat(HealthRankingMeter.auc(histogram(50), histogram(50), 1, 1)).isEqualTo(0.5);
    }

    @Test
    void shouldLabelOnlyTheDaysWithinTheHorizonBeforeCancellingAsPositive() {
        final Backtest.Judged churner = judged(account("c", 5).score(0.5, 20).churnedOn(40), true);
        final Backtest.Judged stayer = judged(account("r", 5).score(0.5, 90).retainedUntil(40), false);

        final HealthRanking ranking = HealthRankingMeter.rank(List.of(churner, stayer), 30);

        // Days 0..39 of each account are scored; the churner's days 9..39 end within 30 days of its cancellation.
        assertThat(ranking.snapshots()).isEqualTo(80);
        assertThat(ranking.positives()).isEqualTo(31);
        // Every positive scores below the 40 days of the retained account and ties the churner's 9 earlier days.
        assertThat(ranking.auc()).isCloseTo((40 + 9 * 0.5) / 49, within(1e-9));
        assertThat(ranking.lowestDecileShare()).isCloseTo(31.0 / 40, within(1e-9));
    }

    @Test
    void shouldUseTheLatestScoreAtTheTimeWhenScoresChange() {
        final AccountHistory history = account("a", 5).score(1, 80).score(3, 40).score(9, 10).build();

        assertThat(HealthRankingMeter.scoreAt(history.health(), Histories.day(5))).hasValue(40);
        assertThat(HealthRankingMeter.scoreAt(history.health(), Histories.day(0.5))).isEmpty();
    }

    private static Backtest.Judged judged(final Histories h, final boolean churner) {
        final AccountHistory account = h.build();
        return new Backtest.Judged(account, churner, account.outcome().date());
    }

    private static long[] histogram(final int... scores) {
        final long[] counts = new long[101];
        for (final int s : scores) {
            counts[s]++;
        }
        return counts;
    }
}
