package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.GeneratorOptions;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of one application (same application.id, state directories of their own, four partitions per
 * topic) share the work; one is killed with SIGKILL in the middle of a transaction, and the survivor takes its
 * tasks over. A read_committed consumer must then see every output exactly once, and the very outputs of an
 * uninterrupted single-instance run of the same input.
 *
 * <p>The victim runs in a JVM of its own ({@link PipelineProcess}), since only killing a process is abrupt for
 * real: no close, no final commit, no leave-group; its open transaction stays on the broker until the transaction
 * coordinator aborts it when its timeout (10 s) passes. The victim commits every 9 s (just within that timeout),
 * so what it writes stays uncommitted for a while: the test kills it as soon as the coordinator reports one of its
 * transactions ongoing with an output partition in it. Sessions time out after 6 s (the broker's minimum), so the
 * survivor notices the death quickly.
 *
 * <p>The history is imported while both instances run, as a live feed arrives. The comparison with the reference
 * run, which finds the whole input in place, holds only if the live tasks too process their records in event-time
 * order: a record processed after a later one of its account is evaluated at the account's clock, and its outputs
 * differ from the reference's (they are not duplicates: each carries other figures). Kafka Streams keeps that order
 * across a task's partitions only while it waits for an empty one, at most {@code max.task.idle.ms} once the
 * partition is caught up. That was 1 s, and under CPU load (issue #13's loop: the importer and five JVMs on two
 * cores) one run in thirteen failed with health updates repeated for one (account, asOf); with no wait at all
 * ({@code max.task.idle.ms=0}) one run in two fails so even without load, the repeats carrying rising scores:
 * reordered records, not duplicates. So the live instances wait up to {@value #ORDERED_IDLE_MS} ms, and a test
 * checks that none of the survivor's records arrived behind its account's clock
 * ({@code churnwatch.reordered.records}). The reference needs no wait: while a partition has records on the broker
 * that are not fetched yet, a task waits for them anyway.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(80)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(4_242L);
    private static final int PARTITIONS = 4;
    private static final int SIGKILL_EXIT_CODE = 128 + 9;
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String ORDERED_IDLE_MS = "10000";

    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;
    private PipelineHarness harness;
    private Process victim;
    private int victimExitCode;
    private Map.Entry<String, Set<TopicPartition>> transactionAtKill;
    private TransactionState transactionEnd;
    private RunOutputs outputs;
    private RunOutputs reference;
    private double survivorReordered;

    ExactlyOnceIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeAll
    void killOneOfTwoInstancesMidTransaction() throws IOException, InterruptedException {
        harness = new PipelineHarness(kafka, registry, "eos", PARTITIONS);
        final Map<String, String> shared = withOrderedInput(harness.settings("killed"));
        final String victimId = shared.get(ChurnConfig.APPLICATION_ID) + "-victim";
        final ChurnConfig survivor = harness.run(instance(shared, "survivor", "100"));
        victim = PipelineProcess.launch(instance(shared, "victim", "9000"), harness.stateDir("victim-process"));
        final ChurnPipeline survivorPipeline = harness.start(survivor);
        await("both instances own tasks").atMost(PipelineHarness.TIMEOUT).pollInterval(POLL)
                .until(() -> owners(survivor, victimId).size() == 2);

        final CompletableFuture<Long> feed = CompletableFuture.supplyAsync(
                () -> harness.importHistory(survivor, HISTORY, HistorySlice.all()));
        transactionAtKill = await("an ongoing transaction of the victim with output in it")
                .atMost(PipelineHarness.TIMEOUT).pollInterval(POLL)
                .until(() -> victimTransaction(survivor, victimId), Optional::isPresent).orElseThrow();
        victim.destroyForcibly();
        victimExitCode = victim.waitFor();
        feed.join();

        harness.awaitProcessed(survivor);
        harness.awaitTransactionsSettled(survivor);
        transactionEnd = await("the end of the victim's transaction").atMost(PipelineHarness.TIMEOUT).pollInterval(POLL)
                .until(() -> harness.broker().transactionState(transactionAtKill.getKey()),
                        state -> state == TransactionState.COMPLETE_ABORT || state == TransactionState.COMPLETE_COMMIT);
        outputs = harness.outputs(survivor);
        survivorReordered = survivorPipeline.metrics().registry().find("churnwatch.reordered.records").counters()
                .stream().mapToDouble(Counter::count).sum();

        final ChurnConfig single = harness.run(harness.settings("reference"));
        harness.start(single);
        harness.awaitProcessed(single);
        reference = harness.outputs(single);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (victim != null && victim.isAlive()) {
            victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldLeaveTheVictimsOpenTransactionToBeAbortedWhenItIsKilled() {
        assertThat(victimExitCode).isEqualTo(SIGKILL_EXIT_CODE);
        assertThat(transactionAtKill.getValue()).isNotEmpty();
        assertThat(transactionEnd).isEqualTo(TransactionState.COMPLETE_ABORT);
    }

    @Test
    void shouldProcessTheLiveFeedInEventTimeOrderWhenTasksWaitForTheirEmptyPartitions() {
        assertThat(survivorReordered).as("records processed behind their account's clock: outputs then differ from "
                + "the reference's for another reason than exactly-once").isZero();
    }

    @Test
    void shouldPublishEveryAlertExactlyOnceWhenAnInstanceIsKilledMidTransaction() {
        assertThat(outputs.duplicateAlerts()).isEmpty();
        assertThat(outputs.alertValues()).isNotEmpty().containsExactlyInAnyOrderElementsOf(reference.alertValues());
    }

    @Test
    void shouldPublishEveryHealthUpdateExactlyOnceWhenAnInstanceIsKilledMidTransaction() {
        assertThat(outputs.duplicateHealthUpdates()).isEmpty();
        assertThat(outputs.healthValues()).isNotEmpty().containsExactlyInAnyOrderElementsOf(reference.healthValues());
    }

    @Test
    void shouldPublishEachAccountsOutputsInTheUninterruptedOrderWhenTheSurvivorTakesOver() {
        assertThat(outputs.alertsByAccount()).isEqualTo(reference.alertsByAccount());
        assertThat(outputs.healthByAccount()).isEqualTo(reference.healthByAccount());
    }

    @Test
    void shouldDeadLetterNothingWhenTheSurvivorReprocessesTheVictimsRecords() {
        assertThat(outputs.deadLetters()).isEmpty();
    }

    /** The settings of one instance: its own state directory, client id and commit interval. */
    private Map<String, String> instance(final Map<String, String> shared, final String name,
                                         final String commitIntervalMs) {
        final Map<String, String> settings = new HashMap<>(shared);
        settings.put(ChurnConfig.STATE_DIR, harness.stateDir(name).toString());
        settings.put("client.id", shared.get(ChurnConfig.APPLICATION_ID) + "-" + name);
        settings.put("commit.interval.ms", commitIntervalMs);
        settings.put("producer.transaction.timeout.ms", "10000");
        settings.put("consumer.session.timeout.ms", "6000");
        settings.put("consumer.heartbeat.interval.ms", "1000");
        return settings;
    }

    private static Map<String, String> withOrderedInput(final Map<String, String> settings) {
        final Map<String, String> ordered = new HashMap<>(settings);
        ordered.put("max.task.idle.ms", ORDERED_IDLE_MS);
        return ordered;
    }

    /** The instances owning input partitions in the stable group: the victim, the survivor, or both. */
    private Set<String> owners(final ChurnConfig config, final String victimId) {
        return harness.broker().assignments(config.applicationId()).entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey().startsWith(victimId) ? victimId : e.getKey()).collect(Collectors.toSet());
    }

    /**
     * An ongoing transaction writing to the outputs of the victim's tasks (an account's outputs go to the partition
     * number of its inputs): the victim's, as no other instance writes there.
     */
    private Optional<Map.Entry<String, Set<TopicPartition>>> victimTransaction(final ChurnConfig config,
                                                                              final String victimId) {
        final Set<Integer> victimPartitions = harness.broker().assignments(config.applicationId()).entrySet().stream()
                .filter(e -> e.getKey().startsWith(victimId))
                .flatMap(e -> e.getValue().stream().map(TopicPartition::partition)).collect(Collectors.toSet());
        final Set<String> outputs = Set.copyOf(PipelineHarness.outputTopics(config));
        return harness.broker().ongoingTransactions(config.applicationId()).entrySet().stream()
                .filter(t -> t.getValue().stream().anyMatch(p -> outputs.contains(p.topic())
                        && victimPartitions.contains(p.partition())))
                .findFirst();
    }
}
