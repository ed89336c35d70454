package io.churnwatch.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.EventSink;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.signals.AccountEngine;
import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.Cohorts;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.signals.Outcome;
import io.churnwatch.signals.ProfileFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The weight proposal re-scores health updates from their component scores: under the weights the engine ran with,
 * that must give back the scores the engine emitted, or the proposal's "current" figures would not be the run's.
 */
class HealthRescoringTest {

    private record Input(Instant at, SpecificRecord event) {
    }

    /** Every health update the engine emits for a seeded generated history, under {@code config}. */
    private static List<HealthScoreUpdate> updates(final SignalsConfig config) {
        final List<Input> inputs = new ArrayList<>();
        final Map<String, ProfileFacts> profiles = new HashMap<>();
        new HistoryGenerator(new GeneratorOptions(60, 70, 5L, GeneratorOptions.DEFAULT_START)).generate(new EventSink() {
            @Override
            public void accept(final AccountProfile profile) {
                profiles.put(profile.getAccountId(), ProfileFacts.of(profile));
            }

            @Override
            public void accept(final UsageEvent event) {
                inputs.add(new Input(event.getOccurredAt(), event));
            }

            @Override
            public void accept(final SupportTicketEvent event) {
                inputs.add(new Input(event.getOccurredAt(), event));
            }

            @Override
            public void accept(final BillingEvent event) {
                inputs.add(new Input(event.getOccurredAt(), event));
            }
        });
        inputs.sort(Comparator.comparing(Input::at));
        final AccountEngine engine = new AccountEngine(config, "test");
        final Cohorts cohorts = engine.newCohorts();
        final Map<String, AccountState> states = new HashMap<>();
        final List<HealthScoreUpdate> updates = new ArrayList<>();
        for (final Input input : inputs) {
            final Outcome outcome;
            if (input.event() instanceof UsageEvent usage) {
                outcome = engine.onUsage(states.get(usage.getAccountId()), usage,
                        profiles.getOrDefault(usage.getAccountId(), ProfileFacts.NONE), cohorts);
            } else if (input.event() instanceof SupportTicketEvent ticket) {
                outcome = engine.onTicket(states.get(ticket.getAccountId()), ticket,
                        profiles.getOrDefault(ticket.getAccountId(), ProfileFacts.NONE), cohorts);
            } else {
                final BillingEvent billing = (BillingEvent) input.event();
                outcome = engine.onBilling(states.get(billing.getAccountId()), billing,
                        profiles.getOrDefault(billing.getAccountId(), ProfileFacts.NONE), cohorts);
            }
            states.put(outcome.state().accountId(), outcome.state());
            outcome.health().ifPresent(updates::add);
        }
        return updates;
    }

    private static double[] weights(final SignalsConfig config) {
        final double[] weights = new double[SignalsConfig.COMPONENTS.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = config.weight(i);
        }
        return weights;
    }

    private static void assertRescoredAsEmitted(final SignalsConfig config) {
        final List<HealthScoreUpdate> updates = updates(config);
        assertThat(updates).hasSizeGreaterThan(500);
        for (final HealthScoreUpdate update : updates) {
            assertThat(WeightFit.score(BacktestRunner.componentScores(update), weights(config)))
                    .as("%s", update).isEqualTo(update.getScore());
        }
    }

    @Test
    void shouldGiveBackTheEmittedScoresWhenRescoredUnderTheDefaultWeights() {
        assertRescoredAsEmitted(SignalsConfig.defaults());
    }

    @Test
    void shouldGiveBackTheEmittedScoresWhenRescoredUnderOtherWeights() {
        assertRescoredAsEmitted(SignalsConfig.of(Map.of("health.weight.usage_trend", 7.0, "health.weight.recency",
                55.0, "health.weight.breadth", 3.0, "health.weight.support", 0.0, "health.weight.billing", 11.0)));
    }
}
