package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.metrics.ChurnMetrics;
import io.micrometer.core.instrument.Gauge;
import io.churnwatch.topology.ChurnTopics;
import io.churnwatch.topology.ChurnTopology;
import io.churnwatch.topology.Rejections;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The churnwatch topology running as a Kafka Streams application: what {@code run}, {@code demo} and
 * {@code replay} start. Owns the {@link KafkaStreams} instance and its lifecycle; the topology itself is
 * built by {@link ChurnTopology} and knows nothing of this.
 *
 * <p>An exception escaping a stream thread shuts the whole client down (rather than replacing the thread and
 * failing again on the same record): with exactly-once processing nothing is committed past the failure, so
 * the application can be restarted once the cause is fixed.
 */
public final class ChurnPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChurnPipeline.class);

    private final KafkaStreams streams;
    private final ChurnMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final String applicationId;
    private volatile Throwable failure;
    private volatile boolean closeRequested;

    private ChurnPipeline(final KafkaStreams streams, final ChurnMetrics metrics, final String applicationId) {
        this.streams = streams;
        this.metrics = metrics;
        this.applicationId = applicationId;
        streams.setUncaughtExceptionHandler(e -> {
            failure = e;
            LOG.error("A stream thread failed; shutting churnwatch down", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setGlobalStateRestoreListener(new RestoreLog());
        streams.setStateListener((next, previous) -> {
            LOG.info("Kafka Streams state {} -> {}", previous, next);
            if (next == KafkaStreams.State.NOT_RUNNING || next == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    /** A pipeline for the configuration's topics; not started. */
    public static ChurnPipeline create(final ChurnConfig config, final ChurnTopics topics, final ChurnMetrics metrics) {
        return create(config, topics, metrics, StreamsSettings.of(config));
    }

    /** A pipeline with explicit Kafka Streams settings (a replay's own application id, say); not started. */
    public static ChurnPipeline create(final ChurnConfig config, final ChurnTopics topics, final ChurnMetrics metrics,
                                       final Properties streamsSettings) {
        metrics.registerInputs(List.of(config.getString(ChurnConfig.TOPIC_USAGE),
                config.getString(ChurnConfig.TOPIC_TICKETS), config.getString(ChurnConfig.TOPIC_BILLING),
                config.getString(ChurnConfig.TOPIC_ACCOUNTS)), Rejections.ALL);
        return new ChurnPipeline(new KafkaStreams(ChurnTopology.build(config, topics, metrics), streamsSettings),
                metrics, streamsSettings.getProperty(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId()));
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** churnwatch's own meters of this pipeline. */
    public ChurnMetrics metrics() {
        return metrics;
    }

    public void start() {
        streams.start();
    }

    /**
     * Waits until every task is assigned and restored.
     *
     * @return true once running; false when {@link #close} was called first (a stop asked for while starting,
     *         SIGTERM say: not a failure)
     * @throws StartupException when it stopped for another reason, or takes longer than {@code timeout}
     */
    public boolean awaitRunning(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (closeRequested && failure == null) {
                return false;
            }
            if (stopped.getCount() == 0 || !streams.state().isRunningOrRebalancing()) {
                throw new StartupException("churnwatch stopped while starting (state " + streams.state() + ")"
                        + failureCause().map(cause -> ": " + cause).orElse(""));
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException("churnwatch did not reach RUNNING within " + timeout.toSeconds()
                        + " s (state " + streams.state() + ")");
            }
            stopped.await(100, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Blocks until the pipeline stops (closed, or failed). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Whether a task has a deadline sweep unfinished: a burst of due accounts is swept a bounded part at a
     * time, so the input can be committed before the sweep it started is done.
     */
    public boolean sweeping() {
        final Gauge pending = metrics.registry().find(ChurnTopology.SWEEPS_PENDING_GAUGE).gauge();
        return pending != null && pending.value() > 0;
    }

    /** Why a stream thread failed, in one line (a refused ACL names its resource); empty while none did. */
    public Optional<String> failureCause() {
        final Throwable failed = failure;
        return failed == null ? Optional.empty() : Optional.of(FailureCause.describe(failed, applicationId));
    }

    /** Whether it stopped because of a failure rather than a close. */
    public boolean failed() {
        return streams.state() == KafkaStreams.State.ERROR;
    }

    /**
     * Closes cleanly: state flushed, transactions committed, and the member leaves the group at once so the
     * remaining instances take over its tasks without waiting for a session timeout.
     */
    public void close(final Duration timeout) {
        closeRequested = true;
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(timeout));
        stopped.countDown();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
