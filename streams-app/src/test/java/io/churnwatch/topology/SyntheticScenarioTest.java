package io.churnwatch.topology;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.generate.Archetype;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.GroundTruth;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded synthetic history (hundreds of accounts over 90 days, every archetype) through the whole topology:
 * each account raises the signals its behaviour was built to raise, churners are flagged before they cancel,
 * and healthy accounts stay mostly quiet.
 */
class SyntheticScenarioTest {

    private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults().withAccounts(300).withSeed(7);
    private static PipelineDriver pipeline;
    private static List<GroundTruth> truth;
    private static Map<String, List<ChurnRiskAlert>> alertsByAccount;

    @BeforeAll
    static void runHistory() {
        pipeline = PipelineDriver.withDefaults();
        final HistoryGenerator generator = new HistoryGenerator(OPTIONS);
        generator.generate(new ScenarioSink(pipeline));
        truth = generator.groundTruth();
        alertsByAccount = pipeline.alerts().stream().collect(groupingBy(ChurnRiskAlert::getAccountId));
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void shouldOpenEveryExpectedSignalWhenAnAccountMisbehaves() {
        for (final GroundTruth account : truth) {
            final List<ChurnSignal> opened = alerts(account).stream()
                    .filter(a -> a.getStatus() == AlertStatus.OPEN)
                    .filter(a -> account.behaviourStartsAt() == null
                            || !a.getOpenedAt().isBefore(account.behaviourStartsAt()))
                    .map(ChurnRiskAlert::getSignal).toList();
            assertThat(opened).as("%s (%s)", account.accountId(), account.archetype())
                    .containsAll(account.expectedSignals());
        }
    }

    @Test
    void shouldFlagChurnersBeforeTheyCancelWhenTheyShowSigns() {
        final List<GroundTruth> churners = truth.stream().filter(GroundTruth::churned).toList();
        assertThat(churners).isNotEmpty();
        for (final GroundTruth churner : churners) {
            assertThat(alerts(churner)).as(churner.accountId())
                    .anyMatch(a -> a.getStatus() == AlertStatus.OPEN
                            && a.getOpenedAt().isBefore(churner.cancellationRequestedAt()));
        }
    }

    @Test
    void shouldCloseOpenAlertsAndFallSilentWhenAnAccountCancels() {
        for (final GroundTruth churner : truth.stream().filter(GroundTruth::churned).toList()) {
            final List<ChurnRiskAlert> after = alerts(churner).stream()
                    .filter(a -> !a.getEventTime().isBefore(churner.cancelledAt())).toList();
            assertThat(after).as(churner.accountId()).isNotEmpty()
                    .allMatch(a -> a.getStatus() == AlertStatus.CLOSED_CHURNED)
                    .allMatch(a -> a.getEventTime().equals(churner.cancelledAt()));
        }
    }

    /**
     * Healthy generated accounts are noisy like real ones (a baseline just over 5 logins a week, a bad week of
     * tickets early on), so some alerts are right by the rules; the bound keeps the rules from drifting into
     * noise a CS team would learn to ignore.
     */
    @Test
    void shouldKeepMostHealthyAccountsQuietWhenNothingIsWrong() {
        final List<GroundTruth> healthy = truth.stream().filter(t -> t.archetype() == Archetype.HEALTHY).toList();
        final long alerted = healthy.stream().filter(t -> !alerts(t).isEmpty()).count();
        final Map<ChurnSignal, Long> bySignal = healthy.stream().flatMap(t -> alerts(t).stream())
                .filter(a -> a.getStatus() == AlertStatus.OPEN)
                .collect(groupingBy(ChurnRiskAlert::getSignal, counting()));
        assertThat(alerted).as("healthy accounts with an alert, of %d (OPEN records by signal: %s)", healthy.size(),
                        bySignal)
                .isLessThanOrEqualTo(healthy.size() * 15 / 100);
    }

    private static List<ChurnRiskAlert> alerts(final GroundTruth account) {
        return alertsByAccount.getOrDefault(account.accountId(), List.of());
    }
}
