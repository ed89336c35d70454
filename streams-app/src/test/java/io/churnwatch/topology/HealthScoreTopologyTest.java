package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.billing;
import static io.churnwatch.topology.Events.day;
import static io.churnwatch.topology.Events.login;
import static io.churnwatch.topology.Events.logins;
import static io.churnwatch.topology.Events.ticket;
import static io.churnwatch.topology.Events.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.UsageKind;
import io.churnwatch.signals.HealthBand;
import io.churnwatch.signals.HealthComponent;
import io.churnwatch.signals.HealthScoreUpdate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Health-score updates on account-health: keyed by account, emitted only when the (rounded, integer) score
 * changes, explained by components whose points add up to the score, chained by previousScore; and the account
 * state store behind them.
 */
class HealthScoreTopologyTest {

    private static final String ACCOUNT = "scored";

    private PipelineDriver pipeline = PipelineDriver.withDefaults();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private List<HealthScoreUpdate> updates() {
        return pipeline.healthUpdates().stream().filter(u -> u.getAccountId().equals(ACCOUNT)).toList();
    }

    /** Three weeks of logins and feature use, a few tickets, a subscription and a late payment. */
    private void busyAccount() {
        pipeline.send(billing(ACCOUNT, at(0, 8), BillingEventType.SUBSCRIPTION_STARTED, 50_000));
        for (int d = 0; d < 21; d++) {
            pipeline.send(logins(ACCOUNT, at(d, 9), 1 + d % 3));
            pipeline.send(usage(ACCOUNT, at(d, 10), UsageKind.ACTIVITY, d % 4 == 0 ? "export" : "reports"));
        }
        pipeline.send(ticket(ACCOUNT, at(6, 11), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(16, 11), TicketCategory.FEATURE_REQUEST));
        pipeline.send(billing(ACCOUNT, at(18, 11), BillingEventType.PAYMENT_FAILED, 50_000));
        pipeline.advanceStreamTime(day(30));
    }

    @Test
    void shouldKeyEveryUpdateByItsAccountIdWhenSeveralAccountsChange() {
        pipeline.send(login("alpha", at(0, 9)));
        pipeline.send(login("beta", at(0, 10)));
        pipeline.advanceStreamTime(day(5));

        final List<TestRecord<String, HealthScoreUpdate>> records = pipeline.healthRecords();
        assertThat(records).extracting(TestRecord::key).contains("alpha", "beta");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(r.value().getAccountId());
            assertThat(r.getRecordTime()).isEqualTo(r.value().getAsOf());
        });
    }

    @Test
    void shouldNotEmitWhenTheScoreIsUnchanged() {
        pipeline.send(login(ACCOUNT, at(0, 9)));
        assertThat(updates()).hasSize(1);

        pipeline.send(login(ACCOUNT, at(0, 10)));
        pipeline.send(login(ACCOUNT, at(0, 11)));
        pipeline.send(usage(ACCOUNT, at(0, 12), UsageKind.ACTIVITY, null));

        assertThat(updates()).isEmpty();
    }

    @Test
    void shouldNotEmitWhenOnlyTheUnroundedScoreMoves() {
        pipeline.close();
        pipeline = PipelineDriver.with(Map.of("silence.days", 365));
        pipeline.send(login(ACCOUNT, at(0, 9)));

        pipeline.advanceStreamTime(at(3, 12));

        // Recency alone scores: 100 on days 0-1, 100 x 364/365 = 99.73 (rounds to 100) on day 2, 99.45 on day 3.
        final List<HealthScoreUpdate> updates = updates();
        assertThat(updates).extracting(HealthScoreUpdate::getScore).containsExactly(100, 99);
        assertThat(updates).extracting(HealthScoreUpdate::getAsOf).containsExactly(at(0, 9), day(3));
        assertThat(totalPoints(updates.get(1))).isCloseTo(100.0 * 363 / 365, within(1e-9));
    }

    @Test
    void shouldSumTheComponentsPointsToTheScoreWhenEveryComponentHasData() {
        busyAccount();

        final List<HealthScoreUpdate> updates = updates();
        assertThat(updates).anySatisfy(u -> assertThat(u.getComponents()).extracting(HealthComponent::getName)
                .containsExactly("usage_trend", "recency", "breadth", "support", "billing"));
        assertThat(updates).allSatisfy(u -> {
            assertThat(Math.round(totalPoints(u))).isEqualTo(u.getScore());
            assertThat(u.getComponents().stream().mapToDouble(HealthComponent::getWeight).sum())
                    .isCloseTo(1.0, within(1e-9));
            assertThat(u.getComponents()).allSatisfy(c ->
                    assertThat(c.getPoints()).isCloseTo(c.getScore() * c.getWeight(), within(1e-9)));
        });
    }

    @Test
    void shouldChainPreviousScoreWhenTheScoreChangesAgain() {
        busyAccount();

        final List<HealthScoreUpdate> updates = updates();
        assertThat(updates).hasSizeGreaterThan(5);
        assertThat(updates.get(0).getPreviousScore()).isNull();
        for (int i = 1; i < updates.size(); i++) {
            assertThat(updates.get(i).getPreviousScore()).isEqualTo(updates.get(i - 1).getScore());
            assertThat(updates.get(i).getScore()).isNotEqualTo(updates.get(i - 1).getScore());
        }
    }

    @Test
    void shouldMoveToTheBandOfTheNewScoreWhenBillingTroubleLowersIt() {
        pipeline.send(login(ACCOUNT, at(0, 9)));
        pipeline.send(billing(ACCOUNT, at(0, 10), BillingEventType.SUBSCRIPTION_STARTED, 50_000));
        pipeline.send(billing(ACCOUNT, at(0, 11), BillingEventType.PAYMENT_FAILED, 50_000));
        pipeline.send(billing(ACCOUNT, at(0, 12), BillingEventType.CANCELLATION_REQUESTED, 50_000));

        // Recency (weight 20) stays at 100; billing (weight 15) loses 50 for the failure, then the rest.
        final List<HealthScoreUpdate> updates = updates();
        assertThat(updates).extracting(HealthScoreUpdate::getScore).containsExactly(100, 79, 57);
        assertThat(updates).extracting(HealthScoreUpdate::getBand)
                .containsExactly(HealthBand.HEALTHY, HealthBand.HEALTHY, HealthBand.NEUTRAL);
        assertThat(updates.get(2).getTopDriver()).isEqualTo("billing");
    }

    @Test
    void shouldHoldTheAccountInTheStateStoreWhenItSentEvents() {
        pipeline.send(login(ACCOUNT, at(0, 9)));
        pipeline.send(login(ACCOUNT, at(2, 9)));
        final List<HealthScoreUpdate> updates = updates();

        final TrackedAccount stored = pipeline.accountState().get(ACCOUNT);

        assertThat(stored).isNotNull();
        assertThat(stored.state().accountId()).isEqualTo(ACCOUNT);
        assertThat(stored.state().clock()).isEqualTo(at(2, 9));
        assertThat(stored.state().lastEmittedScore())
                .hasValue(updates.get(updates.size() - 1).getScore());
        assertThat(stored.deadline()).isEqualTo(day(3).toEpochMilli());
        assertThat(pipeline.accountState().get("never-seen")).isNull();
    }

    private static double totalPoints(final HealthScoreUpdate update) {
        return update.getComponents().stream().mapToDouble(HealthComponent::getPoints).sum();
    }
}
