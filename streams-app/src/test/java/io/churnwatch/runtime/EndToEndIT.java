package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.RiskConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.GroundTruth;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.HealthScoreUpdate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole flow on real infrastructure, as the demo runs it: topics created, a seeded generated history imported
 * through the registry, the pipeline run with exactly_once_v2 until it has consumed every input record, and the
 * outputs read by a plain read_committed consumer through our serde. The generator's answer key says what must
 * come out.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(120).withDays(70)
            .withSeed(20_260_105L);
    private static final int PARTITIONS = 3;

    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;
    private PipelineHarness harness;
    private List<GroundTruth> truth;
    private long imported;
    private RunOutputs outputs;

    EndToEndIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeAll
    void runHistoryThroughThePipeline() throws InterruptedException {
        harness = new PipelineHarness(kafka, registry, "e2e", PARTITIONS);
        // One alert per signal: this run checks that each generated behaviour raises its own signal.
        final Map<String, String> settings = harness.settings("run");
        settings.put(RiskConfig.GROUPING, "SIGNAL");
        final ChurnConfig config = harness.run(settings);
        imported = harness.importHistory(config, HISTORY, HistorySlice.all());
        harness.start(config);
        harness.awaitProcessed(config);
        outputs = harness.outputs(config);
        truth = new HistoryGenerator(HISTORY).groundTruth();
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldOpenAnAlertForEveryExpectedSignalWhenAnAccountMisbehaves() {
        final Map<String, List<ChurnRiskAlert>> alerts = outputs.alertsByAccount();
        final List<GroundTruth> misbehaving = truth.stream().filter(t -> !t.expectedSignals().isEmpty()).toList();
        assertThat(misbehaving).isNotEmpty();
        for (final GroundTruth account : misbehaving) {
            final Set<ChurnSignal> opened = alerts.getOrDefault(account.accountId(), List.of()).stream()
                    .filter(a -> a.getStatus() == AlertStatus.OPEN)
                    .filter(a -> !a.getOpenedAt().isBefore(account.behaviourStartsAt()))
                    .map(ChurnRiskAlert::getSignal).collect(Collectors.toSet());
            assertThat(opened).as("%s (%s)", account.accountId(), account.archetype())
                    .containsAll(account.expectedSignals());
        }
    }

    @Test
    void shouldCloseEveryChurnersAlertsAsChurnedWhenItCancels() {
        final Map<String, List<ChurnRiskAlert>> alerts = outputs.alertsByAccount();
        final List<GroundTruth> churners = truth.stream().filter(GroundTruth::churned).toList();
        assertThat(churners).isNotEmpty();
        for (final GroundTruth churner : churners) {
            final List<ChurnRiskAlert> own = alerts.getOrDefault(churner.accountId(), List.of());
            assertThat(own).as(churner.accountId())
                    .filteredOn(a -> a.getStatus() == AlertStatus.CLOSED_CHURNED).isNotEmpty()
                    .allMatch(a -> a.getEventTime().equals(churner.cancelledAt()));
            assertThat(own).as("%s after cancelling", churner.accountId())
                    .filteredOn(a -> !a.getEventTime().isBefore(churner.cancelledAt()))
                    .allMatch(a -> a.getStatus() == AlertStatus.CLOSED_CHURNED);
        }
    }

    @Test
    void shouldKeyEveryHealthUpdateByItsAccountIdWhenPublishing() {
        assertThat(outputs.health()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getAccountId()));
        final Set<String> scored = outputs.healthValues().stream().map(HealthScoreUpdate::getAccountId)
                .collect(Collectors.toSet());
        assertThat(scored).containsAll(truth.stream().map(GroundTruth::accountId).toList());
    }

    @Test
    void shouldKeyEveryAlertByItsAccountIdWhenPublishing() {
        assertThat(outputs.alerts()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getAccountId()));
    }

    @Test
    void shouldDeadLetterNothingWhenEveryInputRecordIsValid() {
        assertThat(imported).isPositive();
        assertThat(outputs.deadLetters()).isEmpty();
    }
}
