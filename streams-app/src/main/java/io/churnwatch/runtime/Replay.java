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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;

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
 * login baseline) before they can fire, so start a replay that long before the period to analyse.
 */
public final class Replay {

    /** What a replay did. */
    public record Summary(String applicationId, ChurnTopics outputs, long recordsConsumed, Duration took) {
    }

    private static final long POLL_MILLIS = 250;

    private final ChurnConfig config;
    private final String prefix;
    private final Instant from;
    private final Instant to;

    /** @param to the end of the replayed period, or {@code null} for the end of the input at start */
    public Replay(final ChurnConfig config, final String prefix, final Instant from, final Instant to) {
        this.config = config;
        this.prefix = prefix;
        this.from = from;
        this.to = to;
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
            final Map<TopicPartition, Long> start = new HashMap<>(offsets.offsetsAt(events, from.toEpochMilli()));
            start.putAll(offsets.startOffsets(List.of(topics.accounts().name())));
            final Map<TopicPartition, Long> stop = stopOffsets(offsets, events, topics.accounts().name());
            createOutputs(offsets, events.get(0));
            offsets.commit(applicationId(), start);

            final Properties settings = StreamsSettings.of(replayConfig);
            settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            try (ChurnPipeline pipeline = ChurnPipeline.create(replayConfig, topics, metrics, settings)) {
                pipeline.start();
                awaitOffsets(offsets, stop, pipeline, timeout);
                pipeline.close(Duration.ofSeconds(30));
                if (!keepState) {
                    pipeline.streams().cleanUp();
                }
            }
            if (!keepState) {
                offsets.deleteGroupAndTopics(applicationId(), internalTopics(offsets));
            }
            final long consumed = stop.entrySet().stream()
                    .mapToLong(e -> Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), 0L))).sum();
            return new Summary(applicationId(), topics, consumed, Duration.ofNanos(System.nanoTime() - started));
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

    private TopicSpec replayOutput(final TopicSpec live, final int partitions) {
        final Map<String, String> configs = new HashMap<>(live.configs());
        if (TopicConfig.CLEANUP_POLICY_DELETE.equals(live.cleanupPolicy())) {
            // Replayed records carry the event times of the history replayed: under the broker's default
            // retention (7 days) the broker would delete them minutes after they are written.
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
    private void awaitOffsets(final KafkaOffsets offsets, final Map<TopicPartition, Long> stop,
                              final ChurnPipeline pipeline, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(offsets.committed(applicationId()), stop)) {
            if (pipeline.failed()) {
                throw new StartupException("the replay stopped after a failure; see the log above");
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException("the replay did not reach the end offsets within " + timeout.toSeconds()
                        + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean reached(final Map<TopicPartition, Long> committed, final Map<TopicPartition, Long> stop) {
        return stop.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    private static void deleteRecursively(final Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
