package io.churnwatch.ops;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.metrics.ChurnMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything churnwatch exports about a running pipeline besides its own per-record meters: the Kafka Streams,
 * consumer, producer, admin and RocksDB metrics bound through Micrometer's {@link KafkaStreamsMetrics} (not
 * re-implemented; new client metrics, e.g. of a thread started later, are picked up every
 * {@link #KAFKA_METRICS_REFRESH}), the JVM and process binders, the {@link LagMonitor} lag gauges and the
 * {@link AccountCensus} band gauges, both refreshed on one scheduler thread of their own.
 */
public final class Monitoring implements AutoCloseable {

    static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);

    private final ScheduledExecutorService scheduler;
    private final KafkaStreamsMetrics kafkaMetrics;
    private final JvmGcMetrics gcMetrics;
    private final LagMonitor lag;

    private Monitoring(final ScheduledExecutorService scheduler, final KafkaStreamsMetrics kafkaMetrics,
                       final JvmGcMetrics gcMetrics, final LagMonitor lag) {
        this.scheduler = scheduler;
        this.kafkaMetrics = kafkaMetrics;
        this.gcMetrics = gcMetrics;
        this.lag = lag;
    }

    /** Binds the meters of {@code streams} and the JVM to the metrics' registry and starts the refreshes. */
    public static Monitoring start(final ChurnConfig config, final KafkaStreams streams, final ChurnMetrics metrics) {
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            final Thread thread = new Thread(task, "churnwatch-monitoring");
            thread.setDaemon(true);
            return thread;
        });
        final MeterRegistry registry = metrics.registry();
        final KafkaStreamsMetrics kafkaMetrics = new KafkaStreamsMetrics(streams, List.of(), scheduler,
                KAFKA_METRICS_REFRESH);
        kafkaMetrics.bindTo(registry);
        final JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);

        final LagMonitor lag = LagMonitor.create(config, metrics);
        final long lagEvery = config.getLong(ChurnConfig.LAG_REFRESH_MS);
        scheduler.scheduleWithFixedDelay(guarded("consumer lag", lag::refresh), 0, lagEvery, TimeUnit.MILLISECONDS);
        final AccountCensus census = new AccountCensus(new LocalStores(streams), metrics);
        final long censusEvery = config.getLong(ChurnConfig.CENSUS_INTERVAL_MS);
        scheduler.scheduleWithFixedDelay(guarded("account census", census::refresh), 0, censusEvery,
                TimeUnit.MILLISECONDS);
        return new Monitoring(scheduler, kafkaMetrics, gcMetrics, lag);
    }

    /** A periodic task that survives its own failure: an escaping exception would cancel every later run. */
    private static Runnable guarded(final String what, final Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (final RuntimeException e) {
                LOG.warn("Refreshing the {} failed; retrying at the next interval", what, e);
            }
        };
    }

    /** The consumer lag as last read. */
    public LagSnapshot lag() {
        return lag.snapshot();
    }

    /** Whether the cluster answered the last lag read. */
    public ClusterContact clusterContact() {
        return lag.contact();
    }

    /** The consumer groups whose lag is read, churnwatch's own first. */
    public List<String> lagGroups() {
        return lag.groups();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        kafkaMetrics.close();
        gcMetrics.close();
        lag.close();
    }
}
