package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.GeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chaos: one instance replays a whole history and is killed with SIGKILL again and again, each time restarted on
 * the same state directory, until it gets to finish; a read_committed consumer must then see exactly the outputs
 * of a run that was never killed: no alert or health update missing, none twice.
 *
 * <p>The kills (seeded, printed): {@link #KILLS_AT_PROGRESS} at random points of the committed progress, and one
 * while the relaunched instance restores its state from the changelogs (an instance killed under exactly-once
 * has no valid local checkpoint, so every relaunch restores). The killed instance restores one changelog record
 * per poll, which changes nothing in the outputs but makes the restore last long enough to be hit; the kill comes
 * when its log says the restore began, and the test checks from the log that it had not finished. Each instance
 * runs in a JVM of its own ({@link PipelineProcess}): only a killed process is abrupt for real. A relaunch keeps
 * the process id in the state directory, so its producer fences and aborts the dead one's open transaction at once.
 *
 * <p>The decoded records are compared (Avro equality of every field, ids and revisions included): the records of
 * the two runs are written to different topics, whose subjects could carry other schema ids, so raw bytes differ
 * by those four bytes only.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatedKillsIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(120)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(5_151L);
    private static final long KILL_SEED = 20_261_207L;
    private static final int KILLS_AT_PROGRESS = 4;
    private static final int SIGKILL_EXIT_CODE = 128 + 9;
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int ATTEMPTS = 3;

    private final EmbeddedKafka kafka;
    private final List<String> kills = new ArrayList<>();
    private final List<Integer> exitCodes = new ArrayList<>();
    private final EmbeddedRegistry registry;
    private PipelineHarness harness;
    private Process running;
    private boolean killedMidRestore;
    private boolean killedMidSweep;
    private int launches;
    private Map<String, String> victimSettings;
    private RunOutputs outputs;
    private RunOutputs reference;

    RepeatedKillsIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeAll
    void replayThroughRepeatedKills() throws IOException, InterruptedException {
        harness = new PipelineHarness(kafka, registry, "kills", 2);
        victimSettings = victim(harness.settings("killed"));
        final ChurnConfig killed = harness.run(victimSettings);
        final long total = harness.importHistory(killed, HISTORY, HistorySlice.all());
        final double[] fractions = new Random(KILL_SEED).doubles(KILLS_AT_PROGRESS, 0.05, 0.95).sorted().toArray();
        try (KafkaOffsets offsets = new KafkaOffsets(harness.clientProperties(), Duration.ofSeconds(10))) {
            final List<String> inputs = PipelineHarness.inputTopics(killed);
            for (int i = 0; i < fractions.length; i++) {
                final long target = Math.round(total * fractions[i]);
                launch();
                await("progress " + target).atMost(PipelineHarness.TIMEOUT).pollInterval(POLL)
                        .until(() -> total - offsets.total(killed.applicationId(), inputs) >= target);
                kill(String.format(Locale.ROOT, "at %d of %d records committed",
                        total - offsets.total(killed.applicationId(), inputs), total));
                if (i == 0) {
                    killedMidRestore = killWhen("while restoring", RepeatedKillsIT::restoring);
                } else if (i == 1) {
                    killedMidSweep = killWhen("during an unfinished sweep", RepeatedKillsIT::sweeping);
                }
            }
            final Path last = launch();
            harness.awaitProcessed(killed);
            await("the last sweep").atMost(PipelineHarness.TIMEOUT).pollInterval(POLL)
                    .until(() -> !sweeping(Files.readString(last, StandardCharsets.UTF_8)));
            harness.awaitTransactionsSettled(killed);
        }
        outputs = harness.outputs(killed);
        running.destroyForcibly().waitFor();
        System.out.printf(Locale.ROOT, "RepeatedKillsIT: %d input records, %d kills (%s), then a last run to the end; "
                + "%d alert and %d health records%n", total, kills.size(), String.join("; ", kills),
                outputs.alerts().size(), outputs.health().size());

        final ChurnConfig single = harness.run(sweepInParts(harness.settings("reference")));
        final ChurnPipeline pipeline = harness.start(single);
        harness.awaitProcessed(single);
        await("the reference's last sweep").atMost(PipelineHarness.TIMEOUT).pollInterval(POLL)
                .until(() -> !pipeline.sweeping());
        harness.awaitTransactionsSettled(single);
        reference = harness.outputs(single);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldHaveKilledTheInstanceAbruptlyEveryTimeWhenTheScheduleSaidSo() {
        assertThat(exitCodes).hasSizeGreaterThanOrEqualTo(KILLS_AT_PROGRESS + 2).containsOnly(SIGKILL_EXIT_CODE);
        assertThat(killedMidRestore).as("a kill came while the state was being restored").isTrue();
        assertThat(killedMidSweep).as("a kill came while a sweep was unfinished").isTrue();
    }

    @Test
    void shouldPublishNoAlertOrHealthUpdateTwiceWhenKilledRepeatedly() {
        assertThat(outputs.duplicateAlerts()).isEmpty();
        assertThat(outputs.duplicateHealthUpdates()).isEmpty();
    }

    @Test
    void shouldPublishWhatAnUninterruptedRunPublishesWhenKilledRepeatedly() {
        assertThat(outputs.alertValues()).isNotEmpty();
        assertThat(outputs.alertsByAccount()).isEqualTo(reference.alertsByAccount());
        assertThat(outputs.healthByAccount()).isEqualTo(reference.healthByAccount());
    }

    @Test
    void shouldDeadLetterNothingWhenKilledRepeatedly() {
        assertThat(outputs.deadLetters()).isEmpty();
    }

    /**
     * The killed instance's settings: a session timeout at the broker's minimum, so that a relaunch is not kept
     * waiting for the dead member, and a restore of one record per poll.
     */
    private static Map<String, String> victim(final Map<String, String> settings) {
        settings.put("producer.transaction.timeout.ms", "10000");
        settings.put("consumer.session.timeout.ms", "6000");
        settings.put("consumer.heartbeat.interval.ms", "1000");
        settings.put("restore.consumer.max.poll.records", "1");
        return sweepInParts(settings);
    }

    /** Sweeps of a few accounts per punctuation (in both runs), so that one is often left unfinished. */
    private static Map<String, String> sweepInParts(final Map<String, String> settings) {
        settings.put(ChurnConfig.SWEEP_MAX_ACCOUNTS, "20");
        return settings;
    }

    /** Starts the next launch on the shared state directory; returns its log. */
    private Path launch() throws IOException {
        launches++;
        final Path dir = harness.stateDir("launch-" + launches);
        running = PipelineProcess.launch(victimSettings, dir);
        return dir.resolve("pipeline.log");
    }

    /**
     * Relaunches and kills as soon as the log shows {@code moment}; true when the log at the kill confirms it (the
     * moment may pass between the look and the kill: then it tries again, up to {@link #ATTEMPTS} launches).
     */
    private boolean killWhen(final String what, final Predicate<String> moment) throws IOException,
            InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            final Path log = launch();
            await(what).atMost(PipelineHarness.TIMEOUT).pollInterval(Duration.ofMillis(5))
                    .until(() -> moment.test(Files.readString(log, StandardCharsets.UTF_8)));
            running.destroyForcibly();
            exitCodes.add(running.waitFor());
            final boolean landed = moment.test(Files.readString(log, StandardCharsets.UTF_8));
            kills.add(what + (landed ? "" : " (missed: it ended first)"));
            if (landed) {
                return true;
            }
        }
        return false;
    }

    /** Whether the log shows a restore begun and not ended. */
    private static boolean restoring(final String log) {
        return count(log, "Restoring ") > count(log, "Restored ") + count(log, "Restore of ");
    }

    /** Whether the log's last sweep mark says a sweep is unfinished. */
    private static boolean sweeping(final String log) {
        return log.lastIndexOf(PipelineProcess.SWEEP_UNFINISHED) > log.lastIndexOf(PipelineProcess.SWEEPS_DONE);
    }

    private static int count(final String text, final String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            found++;
        }
        return found;
    }

    private void kill(final String when) throws InterruptedException {
        running.destroyForcibly();
        exitCodes.add(running.waitFor());
        kills.add(when);
    }
}
