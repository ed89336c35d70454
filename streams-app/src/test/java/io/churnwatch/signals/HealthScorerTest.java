package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.TicketPriority;
import io.churnwatch.events.TicketStatus;
import io.churnwatch.events.UsageKind;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthScorerTest {

    @Test
    void shouldRedistributeWeightsOfComponentsWithoutData() {
        final Scenario s = Scenario.defaults();
        s.billing(at(0, 8), BillingEventType.SUBSCRIPTION_STARTED, 10_000);
        s.feature(at(0, 9), "reports.export");

        final SignalsConfig config = SignalsConfig.defaults();
        final long now = s.state.clockMillis();
        final HealthSnapshot health = new HealthScorer(config)
                .score(s.state, now, Segment.LOW_TOUCH, Trends.of(s.state, now, config));

        // recency 20, breadth 15, billing 15 have data; usage_trend and support do not
        assertThat(health.components()).extracting(HealthComponent::getName)
                .containsExactly("recency", "breadth", "billing");
        assertThat(health.components()).extracting(HealthComponent::getWeight).containsExactly(0.4, 0.3, 0.3);
        assertThat(health.score()).isEqualTo(100);
    }

    @Test
    void shouldSumPointsToScoreWhenEventsAreRandom() {
        final Random random = new Random(20_260_105L);
        final Scenario s = Scenario.defaults();
        for (int i = 0; i < 400; i++) {
            final var when = at(i / 5, random.nextInt(24));
            switch (random.nextInt(4)) {
                case 0 -> s.usage(when, UsageKind.LOGIN, 1 + random.nextInt(3), null);
                case 1 -> s.feature(when, "feature-" + random.nextInt(12));
                case 2 -> s.ticket(when, TicketCategory.values()[random.nextInt(TicketCategory.values().length)],
                        TicketPriority.values()[random.nextInt(4)], TicketStatus.OPENED);
                default -> s.billing(when, BillingEventType.values()[random.nextInt(7)], 1_000L * random.nextInt(200));
            }
        }

        assertThat(s.health).hasSizeGreaterThan(20);
        for (final HealthScoreUpdate update : s.health) {
            final double points = update.getComponents().stream().mapToDouble(HealthComponent::getPoints).sum();
            final double weights = update.getComponents().stream().mapToDouble(HealthComponent::getWeight).sum();
            assertThat(points).isCloseTo(update.getScore(), within(0.5));
            assertThat(weights).isCloseTo(1.0, within(1e-9));
            assertThat(update.getComponents()).allSatisfy(c -> {
                assertThat(c.getScore()).isBetween(0.0, 100.0);
                assertThat(c.getPoints()).isCloseTo(c.getScore() * c.getWeight(), within(1e-9));
            });
            assertThat(update.getBand()).isEqualTo(HealthSnapshot.bandOf(update.getScore()));
        }
    }

    @ParameterizedTest
    @CsvSource({"100,HEALTHY", "70,HEALTHY", "69,NEUTRAL", "50,NEUTRAL", "49,AT_RISK", "30,AT_RISK",
        "29,CRITICAL", "0,CRITICAL"})
    void shouldMapScoreToBandWhenOnBandBoundary(final int score, final HealthBand band) {
        assertThat(HealthSnapshot.bandOf(score)).isEqualTo(band);
    }

    @Test
    void shouldEmitUpdateOnlyWhenScoreChanges() {
        final Scenario s = Scenario.defaults();
        s.logins(at(0, 8), 1);
        s.logins(at(0, 9), 1);
        assertThat(s.health).hasSize(1);
        assertThat(s.health.get(0).getPreviousScore()).isNull();

        s.billing(at(0, 10), BillingEventType.PAYMENT_FAILED, 5_000);

        assertThat(s.health).hasSize(2);
        assertThat(s.lastHealth().getPreviousScore()).isEqualTo(100);
        assertThat(s.lastHealth().getScore()).isLessThan(100);
        assertThat(s.lastHealth().getAsOf()).isEqualTo(at(0, 10));
        assertThat(s.lastHealth().getScoringVersion()).isEqualTo("test-v1");
    }

    @Test
    void shouldNameComponentThatCostMostPointsAsTopDriver() {
        final Scenario s = Scenario.defaults();
        s.logins(at(0, 8), 1);
        s.ticket(at(0, 9), TicketCategory.BUG, TicketPriority.URGENT, TicketStatus.OPENED);
        s.billing(at(0, 10), BillingEventType.CANCELLATION_REQUESTED, 5_000);

        // billing scores 0 at weight 15/55; support 75 at weight 20/55; recency 100
        assertThat(s.lastHealth().getTopDriver()).isEqualTo("billing");
    }

    @Test
    void shouldDescribeLoginTrendWhenBaselineExists() {
        final Scenario s = Scenario.defaults();
        s.dailyLogins(0, 28, 2);
        s.logins(at(28, 12), 3);
        // at day 35 00:00 the last 7 x 24 h are days 28..34
        s.advanceTo(day(35));

        final HealthComponent trend = s.lastHealth().getComponents().get(0);
        assertThat(trend.getName()).isEqualTo("usage_trend");
        assertThat(trend.getDetail()).isEqualTo("logins 3/wk vs 14/wk baseline");
        assertThat(trend.getScore()).isCloseTo(100.0 * 3 / 14, within(1e-9));
    }

    @Test
    void shouldLowerRecencyToZeroAtSilenceThreshold() {
        final Scenario s = Scenario.with(Map.of("silence.days", 10));
        s.usage(at(0, 12), UsageKind.ACTIVITY, 1, null);

        // 5.5 days since the last usage at day 6 00:00: 5 whole days of the 10 silent ones
        s.advanceTo(day(6));
        assertThat(s.lastHealth().getScore()).isEqualTo(50);
        s.advanceTo(day(12));

        assertThat(s.lastHealth().getScore()).isZero();
        assertThat(s.lastHealth().getComponents().get(0).getDetail()).isEqualTo("last usage 10 days ago");
    }

    @Test
    void shouldEmitNoHealthWhenOnlyZeroWeightComponentsHaveData() {
        final Scenario s = Scenario.with(Map.of("health.weight.billing", 0.0));

        s.billing(at(0, 10), BillingEventType.CANCELLATION_REQUESTED, 5_000);

        assertThat(s.health).isEmpty();
        assertThat(s.alerts(ChurnSignal.HEALTH_DROP)).isEmpty();
    }
}
