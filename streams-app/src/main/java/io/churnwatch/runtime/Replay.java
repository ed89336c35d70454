package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.TopicsConfig;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.topology.ChurnTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-runs history through the same topology: under its own application id (so the live app is untouched),
 * from the input offsets at {@code from} (the accounts table from its beginning: profiles are state, not
 * events), writing to prefixed output topics, and stopping by itself once it has consumed up to the end
 * offsets it saw at start, or up to {@code to}. Records at or after {@code to} are not applied
 * ({@link ChurnConfig#INPUT_UNTIL_MS}). Unless asked to keep them, its internal topics, group and local
 * state are deleted afterwards.
 *
 * <p>Bounded by {@code to}, the replay writes what the live run wrote before {@code to}, however its records
 * happen to be batched: the outcome of every event before {@code to}, and of every deadline due before it.
 * Deadlines are run by a stream-time sweep, capped at {@code to}, that Kafka Streams runs at least once per
 * {@link ChurnConfig#SWEEP_INTERVAL_MS} of stream time; so the replay reads each event partition up to and
 * including its first record at or after {@link #sweptBy} (to its end when it has none). Stopping at the first
 * record at {@code to} would leave the deadlines due since the previous sweep to chance: only a batch that went
 * further would evaluate them. A record stored after that one with an earlier time (out of order) may be missed.
 *
 * <p>State starts empty at {@code from}: the signals need their windows' worth of history (35 days for the
 * login baseline) before they can fire, so start a replay that long before the period to analyse. The
 * input must still hold that history: a partition whose oldest records were deleted (by retention, say) and
 * whose oldest record kept is where the replay starts may be missing records after {@code from}; such
 * partitions are logged and reported ({@link Summary#incompleteHistory()}), and the replay goes on from what
 * is left.
 *
 * <p>A replay runs one stream thread per core (at most one per partition) and commits less often than the live app
 * ({@link ReplaySettings}); results do not depend on either.
 */
public final class Replay {

    /**
     * What a replay did.
     *
     * @param incompleteHistory the input partitions whose records before their oldest one kept were deleted
     *                          although the replay starts there (some may have been after {@code from}), each
     *                          with that oldest offset; empty when the inputs hold the whole history asked for
     * @param threads           the stream threads it ran
     */
    public record Summary(String applicationId, ChurnTopics outputs, long recordsConsumed, Duration took,
                          Map<TopicPartition, Long> incompleteHistory, int threads) {

        /** {@link #incompleteHistory()} in partition order, e.g. {@code usage-0 from offset 49, usage-1 from ...}. */
        public String describeIncompleteHistory() {
            return ReplayOffsets.describe(incompleteHistory);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

    private static final long POLL_MILLIS = 250;

    /** Follows a replay: called every {@link #PROGRESS_MILLIS} from the thread that runs it. */
    @FunctionalInterface
    public interface Progress {
        /** Listens to nothing. */
        Progress NONE = (consumed, total, elapsed) -> { };

        /**
         * @param consumed input records committed so far
         * @param total    input records the replay reads in all
         */
        void progress(long consumed, long total, Duration elapsed);
    }

    private static final long PROGRESS_MILLIS = 5_000;

    private final ChurnConfig config;
    private final String prefix;
    private final Instant from;
    private final Instant to;
    private Progress progress = Progress.NONE;
    private int threads;

    /** @param to the end of the replayed period, or {@code null} for the end of the input at start */
    public Replay(final ChurnConfig config, final String prefix, final Instant from, final Instant to) {
        this.config = config;
        this.prefix = prefix;
        this.from = from;
        this.to = to;
    }

    /**
     * Runs {@code count} stream threads; 0 (the default) for the configuration's {@code num.stream.threads} when it
     * sets one, else one per core and at most one per input partition.
     */
    public Replay withThreads(final int count) {
        if (count < 0) {
            throw new IllegalArgumentException("threads must be 0 (chosen for the machine) or more: " + count);
        }
        this.threads = count;
        return this;
    }

    /** Reports the replay's progress to {@code listener} while it runs. */
    public Replay withProgress(final Progress listener) {
        this.progress = listener;
        return this;
    }

    public String applicationId() {
        return config.applicationId() + "-replay-" + prefix;
    }

    /** Runs the replay to its end; deletes what it created unless {@code keepState}. */
    public Summary run(final ChurnTopics liveTopics, final ChurnMetrics metrics, final boolean keepState,
                       final Duration timeout) throws InterruptedException {
        final long started = System.nanoTime();
        final ChurnConfig replayConfig = replayConfig();
        final ChurnTopics topics = liveTopics.withOutputPrefix(prefix);
        final Properties client = StreamsSettings.clientProperties(config);
        final List<String> events = List.of(topics.usage().name(), topics.tickets().name(), topics.billing().name());
        final Path stateDir;
        try {
            stateDir = Files.createTempDirectory("churnwatch-replay");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        try (KafkaOffsets offsets = new KafkaOffsets(client, Duration.ofSeconds(30))) {
            final String accounts = topics.accounts().name();
            final List<String> inputs = Stream.concat(events.stream(), Stream.of(accounts)).toList();
            final Map<TopicPartition, Long> start = new HashMap<>(offsets.offsetsAt(events, from.toEpochMilli()));
            start.putAll(offsets.startOffsets(List.of(accounts)));
            final Map<TopicPartition, Long> stop = stopOffsets(offsets, events, accounts);
            final Map<TopicPartition, Long> incomplete = ReplayOffsets.incompleteHistory(start, offsets.startOffsets(inputs));
            if (!incomplete.isEmpty()) {
                LOG.warn("The input history from {} may be incomplete: records were deleted (by retention?) before the "
                        + "oldest record kept, where the replay starts, on {}", from, ReplayOffsets.describe(incomplete));
            }
            createOutputs(offsets, events.get(0));
            offsets.commit(applicationId(), start);

            final Properties settings = StreamsSettings.of(replayConfig);
            settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            final int threadsRun = ReplaySettings.apply(settings, config.originals(), threads,
                    offsets.endOffsets(List.of(events.get(0))).size());
            try (ChurnPipeline pipeline = ChurnPipeline.create(replayConfig, topics, metrics, settings)) {
                pipeline.start();
                awaitOffsets(offsets, inputs, start, stop, pipeline, timeout);
                pipeline.close(Duration.ofSeconds(30));
                if (!keepState) {
                    pipeline.streams().cleanUp();
                }
            }
            if (!keepState) {
                offsets.deleteGroupAndTopics(applicationId(), internalTopics(offsets));
            }
            return new Summary(applicationId(), topics, ReplayOffsets.consumed(start, stop, stop),
                    Duration.ofNanos(System.nanoTime() - started), Map.copyOf(incomplete), threadsRun);
        } finally {
            if (!keepState) {
                deleteRecursively(stateDir);
            }
        }
    }

    /**
     * The end offsets; bounded by {@code to}, on the event topics just past the first record at {@link #sweptBy}
     * (see the class comment). The accounts table is read to its end either way: profiles carry the time they
     * were written, in no particular order, so no offset before the end is known to follow every one before
     * {@code to}.
     */
    private Map<TopicPartition, Long> stopOffsets(final KafkaOffsets offsets, final List<String> events,
                                                  final String accounts) {
        final Map<TopicPartition, Long> stop = new HashMap<>(to == null ? offsets.endOffsets(events)
                : offsets.offsetsPast(events, sweptBy(to, config.getLong(ChurnConfig.SWEEP_INTERVAL_MS))));
        stop.putAll(offsets.endOffsets(List.of(accounts)));
        return stop;
    }

    /**
     * The stream time at which every deadline before {@code to} has been evaluated: a stream-time sweep runs at
     * least once per {@code sweepIntervalMs} of stream time, and a sweep at or after {@code to - 1} evaluates the
     * deadlines up to {@code to - 1} (it is capped there).
     */
    static long sweptBy(final Instant to, final long sweepIntervalMs) {
        return to.toEpochMilli() - 1 + sweepIntervalMs;
    }

    private ChurnConfig replayConfig() {
        final Map<String, Object> settings = new HashMap<>(config.originals());
        settings.put(ChurnConfig.APPLICATION_ID, applicationId());
        if (to != null) {
            settings.put(ChurnConfig.INPUT_UNTIL_MS, to.toEpochMilli());
        }
        return new ChurnConfig(settings);
    }

    /**
     * The prefixed outputs, made like the live ones ({@link TopicSpec}: the health topic compacted) and
     * partitioned like the inputs, so the replay writes where a reader expects.
     */
    private void createOutputs(final KafkaOffsets offsets, final String anInput) {
        final int partitions = offsets.endOffsets(List.of(anInput)).size();
        final Set<String> existing = Set.copyOf(offsets.topicsStartingWith(prefix + "."));
        offsets.createTopics(TopicSpec.of(config).stream().filter(spec -> !spec.input())
                .map(spec -> replayOutput(spec, partitions))
                .filter(spec -> !existing.contains(spec.name()))
                .map(TopicSpec::toNewTopic).toList());
    }

    /**
     * A replay's output topic: every record is kept, by the inputs' retention. Replayed records carry the event
     * times of the history replayed: under the broker's default retention (7 days) the broker would delete them
     * minutes after they are written. And a replay's outputs are read back whole (the backtest reads every health
     * update), so none is compacted: with event times weeks apart the broker rolls a segment per week of event time,
     * and its log cleaner would keep only each account's latest health update of the rolled segments, in some
     * partitions and not others, depending on when it ran.
     */
    private TopicSpec replayOutput(final TopicSpec live, final int partitions) {
        final Map<String, String> configs = new HashMap<>(live.configs());
        if (TopicConfig.CLEANUP_POLICY_COMPACT.equals(live.cleanupPolicy())) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        }
        if (TopicConfig.CLEANUP_POLICY_DELETE.equals(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG))) {
            configs.putIfAbsent(TopicConfig.RETENTION_MS_CONFIG,
                    String.valueOf(config.getLong(TopicsConfig.INPUT_RETENTION_MS)));
        }
        return new TopicSpec(prefix + "." + live.name(), false, partitions, live.replicationFactor(), configs);
    }

    private List<String> internalTopics(final KafkaOffsets offsets) {
        return offsets.topicsStartingWith(applicationId() + "-").stream()
                .filter(name -> name.endsWith("-changelog") || name.endsWith("-repartition")).toList();
    }

    /** Waits until the replay's group has committed at least the stop offset of every partition. */
    private void awaitOffsets(final KafkaOffsets offsets, final List<String> inputs,
                              final Map<TopicPartition, Long> start, final Map<TopicPartition, Long> stop,
                              final ChurnPipeline pipeline, final Duration timeout) throws InterruptedException {
        final long begin = System.nanoTime();
        final long deadline = begin + timeout.toNanos();
        final long total = ReplayOffsets.consumed(start, stop, stop);
        long reported = begin;
        Map<TopicPartition, Long> committed = offsets.committed(applicationId());
        Map<TopicPartition, Long> behind = ReplayOffsets.behind(committed, stop);
        while (!behind.isEmpty() || pipeline.sweeping()) {
            if (System.nanoTime() - reported >= PROGRESS_MILLIS * 1_000_000) {
                reported = System.nanoTime();
                progress.progress(ReplayOffsets.consumed(start, committed, stop), total, Duration.ofNanos(reported - begin));
            }
            if (pipeline.failed()) {
                throw new StartupException("the replay stopped after a failure; see the log above");
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException(behind.isEmpty()
                        ? "the replay's last deadline sweep did not finish within " + timeout.toSeconds() + " s"
                        : "the replay did not reach the end offsets within " + timeout.toSeconds() + " s; behind: "
                                + ReplayOffsets.describeBehind(behind, stop, offsets.startOffsets(inputs)));
            }
            Thread.sleep(POLL_MILLIS);
            committed = offsets.committed(applicationId());
            behind = ReplayOffsets.behind(committed, stop);
        }
    }

    private static void deleteRecursively(final Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
