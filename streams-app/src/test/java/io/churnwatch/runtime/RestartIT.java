package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.topology.ChurnTopology;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline processes the first half of a history, stops cleanly, loses its local state (the state directory
 * is wiped, as on a new machine or a lost disk), and starts again with the same application id while the rest of
 * the history arrives, with the last 12 hours before the stop delivered again (a producer retry, a re-run import).
 * The state must come back from the changelog topics, the events delivered again must be recognised by the event ids
 * that came back with it, and the outputs must continue where they stopped: nothing published twice, nothing lost,
 * and the same outputs as a run that never stopped.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(60)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(31L);
    private static final Instant HALFWAY = HISTORY.dayStart(HISTORY.days() / 2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** The last hours before the restart, delivered again after it: their ids come back with the account state. */
    private static final Duration REDELIVERED = Duration.ofHours(12);

    private final EmbeddedKafka kafka;
    private final Map<String, Long> restored = new ConcurrentHashMap<>();
    private final EmbeddedRegistry registry;
    private PipelineHarness harness;
    private boolean stateWiped;
    private RunOutputs beforeStop;
    private RunOutputs outputs;
    private RunOutputs reference;
    private long redelivered;
    private double duplicates;

    RestartIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeAll
    void processHalfRestartWithoutStateAndProcessTheRest() throws IOException, InterruptedException {
        harness = new PipelineHarness(kafka, registry, "restart", 2);
        final ChurnConfig restarted = harness.run("restarted");
        harness.importHistory(restarted, HISTORY, HistorySlice.before(HALFWAY));
        final ChurnPipeline first = harness.start(restarted);
        harness.awaitProcessed(restarted);
        first.close(CLOSE_TIMEOUT);
        beforeStop = harness.outputs(restarted);

        Utils.delete(harness.stateDir("restarted").toFile());
        stateWiped = Files.notExists(harness.stateDir("restarted"));
        redelivered = harness.importHistory(restarted, HISTORY, new HistorySlice(HALFWAY.minus(REDELIVERED), HALFWAY,
                false));
        harness.importHistory(restarted, HISTORY, HistorySlice.from(HALFWAY));
        final ChurnPipeline again = harness.create(restarted);
        again.streams().setGlobalStateRestoreListener(new RestoredCounter());
        harness.start(again);
        harness.awaitProcessed(restarted);
        again.close(CLOSE_TIMEOUT);
        duplicates = again.metrics().registry().find("churnwatch.duplicate.records").counters().stream()
                .mapToDouble(Counter::count).sum();
        outputs = harness.outputs(restarted);

        final ChurnConfig uninterrupted = harness.run("uninterrupted");
        harness.start(uninterrupted);
        harness.awaitProcessed(uninterrupted);
        reference = harness.outputs(uninterrupted);
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldRestoreAccountStateFromChangelogsWhenTheStateDirectoryWasWiped() {
        assertThat(stateWiped).isTrue();
        assertThat(restored).hasEntrySatisfying(ChurnTopology.ACCOUNT_STATE_STORE, n -> assertThat(n).isPositive())
                .hasEntrySatisfying(ChurnTopology.ACCOUNTS_STORE, n -> assertThat(n).isPositive());
    }

    @Test
    void shouldRecogniseEventsDeliveredAgainWhenTheirIdsWereRestoredFromTheChangelog() {
        assertThat(redelivered).isPositive();
        assertThat(duplicates).isEqualTo((double) redelivered);
    }

    @Test
    void shouldPublishNothingTwiceWhenRestartedWithoutLocalState() {
        assertThat(outputs.duplicateAlerts()).isEmpty();
        assertThat(outputs.duplicateHealthUpdates()).isEmpty();
    }

    @Test
    void shouldContinueEachAccountsOutputsWhereTheyStoppedWhenRestarted() {
        assertThat(outputs.health()).hasSizeGreaterThan(beforeStop.health().size());
        beforeStop.healthByAccount().forEach((account, published) -> assertThat(outputs.healthByAccount().get(account))
                .as(account).startsWith(published.toArray(HealthScoreUpdate[]::new)));
        beforeStop.alertsByAccount().forEach((account, published) -> assertThat(outputs.alertsByAccount().get(account))
                .as(account).startsWith(published.toArray(ChurnRiskAlert[]::new)));
        assertThat(outputs.healthValues()).anyMatch(update -> !update.getAsOf().isBefore(HALFWAY));
        assertThat(outputs.alertValues()).anyMatch(alert -> !alert.getEventTime().isBefore(HALFWAY));
    }

    @Test
    void shouldPublishTheOutputsOfAnUninterruptedRunWhenRestartedHalfway() {
        assertThat(outputs.alertsByAccount()).isEqualTo(reference.alertsByAccount());
        assertThat(outputs.healthByAccount()).isEqualTo(reference.healthByAccount());
    }

    /** Counts the records restored into each store. */
    private final class RestoredCounter implements StateRestoreListener {
        @Override
        public void onRestoreStart(final TopicPartition partition, final String store, final long start,
                                   final long end) {
            restored.putIfAbsent(store, 0L);
        }

        @Override
        public void onBatchRestored(final TopicPartition partition, final String store, final long batchEnd,
                                    final long count) {
            restored.merge(store, count, Long::sum);
        }

        @Override
        public void onRestoreEnd(final TopicPartition partition, final String store, final long total) {
            // The batches have been counted.
        }
    }
}
