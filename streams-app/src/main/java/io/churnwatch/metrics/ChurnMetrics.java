package io.churnwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * churnwatch's own meters, with stable names and tags (documented in the README):
 * <ul>
 *   <li>{@code churnwatch.events.processed{topic}}: input records applied to account state;</li>
 *   <li>{@code churnwatch.dlq.records{topic,reason}}: input records sent to the dead-letter topic;</li>
 *   <li>{@code churnwatch.late.records{topic}}: records older than the grace period (kept for last-seen time,
 *       not counted in windows);</li>
 *   <li>{@code churnwatch.reordered.records{topic}}: records older than their account's clock but within the
 *       grace period: counted in their day, evaluated at the clock. Zero in a replay; in a live run, the records a
 *       stream task processed in another order than a replay would (its outputs differ from a replay's);</li>
 *   <li>{@code churnwatch.duplicate.records{topic}}: events delivered again (same eventId), applied once;</li>
 *   <li>{@code churnwatch.input.skipped{topic}}: records after the end of a replayed period;</li>
 *   <li>{@code churnwatch.alerts{signal,severity,status}}: alert records emitted;</li>
 *   <li>{@code churnwatch.health.updates{band}}: health-score updates emitted;</li>
 *   <li>{@code churnwatch.sweep.duration} (timer) and {@code churnwatch.sweep.accounts.examined} (summary):
 *       cost of each deadline sweep;</li>
 *   <li>{@code churnwatch.output.event.time.lag} (timer): wall-clock now minus the event time of the record
 *       that caused an output. Wall-clock time is read here for observation only, never for a result.</li>
 *   <li>{@code churnwatch.accounts.tracked} (gauge): accounts in this instance's account-state store;</li>
 *   <li>{@code churnwatch.accounts.band{band}} (gauge): scored, not churned accounts of this instance per health
 *       band, as last counted;</li>
 *   <li>{@code churnwatch.consumer.lag{group,topic,partition}} (gauge): records of a partition a consumer group
 *       has not committed yet, as last read; {@code churnwatch.consumer.lag.refresh.failures}: reads that
 *       failed (the gauges then keep their last values).</li>
 * </ul>
 */
public final class ChurnMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer sweepDuration;
    private final DistributionSummary sweepExamined;
    private final Timer outputLag;
    private final Map<List<Object>, Counter> counters = new ConcurrentHashMap<>();

    public ChurnMetrics(final MeterRegistry registry, final Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.sweepDuration = Timer.builder("churnwatch.sweep.duration")
                .description("Duration of one deadline sweep (silence and other time-driven checks)")
                .register(registry);
        this.sweepExamined = DistributionSummary.builder("churnwatch.sweep.accounts.examined")
                .description("Accounts examined by one deadline sweep: only those whose deadline passed")
                .register(registry);
        this.outputLag = Timer.builder("churnwatch.output.event.time.lag")
                .description("Now minus the event time of the record that caused an output")
                // Fixed buckets from live (seconds) to backfill (days) lags: a handful of series, not Micrometer's
                // default percentile histogram of ~70 buckets that ends at 30 s.
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
                        Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1),
                        Duration.ofDays(7), Duration.ofDays(30))
                .register(registry);
    }

    public ChurnMetrics(final MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    /** Meters kept in memory only: for tests and tools that do not publish metrics. */
    public static ChurnMetrics inMemory() {
        return new ChurnMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Creates the input counters at zero: per topic of {@code topics}, the late, duplicate and skipped records, and
     * the dead letters of each of {@code reasons}. A counter that does not exist has no series, so a dashboard shows
     * "no data" and a {@code rate()} alert cannot fire until the first bad record; at zero both see it.
     */
    public void registerInputs(final Collection<String> topics, final Collection<String> reasons) {
        for (final String topic : topics) {
            late(topic, 0);
            reordered(topic, 0);
            duplicate(topic, 0);
            skipped(topic, 0);
            reasons.forEach(reason -> deadLettered(topic, reason, 0));
        }
    }

    public void eventProcessed(final String topic) {
        counter("churnwatch.events.processed", "Input records applied to account state", "topic", topic).increment();
    }

    public void deadLettered(final String topic, final String reason) {
        deadLettered(topic, reason, 1);
    }

    private void deadLettered(final String topic, final String reason, final double count) {
        counter("churnwatch.dlq.records", "Input records sent to the dead-letter topic",
                "topic", topic, "reason", reason).increment(count);
    }

    public void late(final String topic) {
        late(topic, 1);
    }

    private void late(final String topic, final double count) {
        counter("churnwatch.late.records", "Records later than the window grace", "topic", topic).increment(count);
    }

    public void reordered(final String topic) {
        reordered(topic, 1);
    }

    private void reordered(final String topic, final double count) {
        counter("churnwatch.reordered.records", "Records older than their account's clock, within the window grace",
                "topic", topic).increment(count);
    }

    public void duplicate(final String topic) {
        duplicate(topic, 1);
    }

    private void duplicate(final String topic, final double count) {
        counter("churnwatch.duplicate.records", "Input events delivered again (same eventId), applied once",
                "topic", topic).increment(count);
    }

    public void skipped(final String topic) {
        skipped(topic, 1);
    }

    private void skipped(final String topic, final double count) {
        counter("churnwatch.input.skipped", "Input records after the end of a replayed period (input.until.ms)",
                "topic", topic).increment(count);
    }

    public void alert(final String signal, final String severity, final String status) {
        counter("churnwatch.alerts", "Churn-risk alert records emitted",
                "signal", signal, "severity", severity, "status", status).increment();
    }

    public void healthUpdate(final String band) {
        counter("churnwatch.health.updates", "Health-score updates emitted", "band", band).increment();
    }

    public void sweep(final Duration took, final int accountsExamined) {
        sweepDuration.record(took);
        sweepExamined.record(accountsExamined);
    }

    public void output(final long eventTimeMillis) {
        outputLag.record(Duration.ofMillis(Math.max(0, clock.millis() - eventTimeMillis)));
    }

    /** Registers the gauge of accounts in this instance's state, read from {@code count} at each scrape. */
    public void accountsTracked(final Supplier<Number> count) {
        Gauge.builder("churnwatch.accounts.tracked", count)
                .description("Accounts in this instance's account-state store").register(registry);
    }

    /** Registers the gauge of this instance's scored, not churned accounts in {@code band}. */
    public void accountsInBand(final String band, final Supplier<Number> count) {
        Gauge.builder("churnwatch.accounts.band", count).tag("band", band)
                .description("Scored, not churned accounts of this instance in a health band").register(registry);
    }

    /** The gauge family of consumer lag; its rows (group, topic, partition) are replaced at each refresh. */
    public MultiGauge consumerLag() {
        return MultiGauge.builder("churnwatch.consumer.lag")
                .description("Records of a partition that a consumer group has not committed yet").register(registry);
    }

    /** The counter of failed consumer-lag reads, registered at once so that it reads 0 until one fails. */
    public Counter lagRefreshFailures() {
        return counter("churnwatch.consumer.lag.refresh.failures", "Consumer-lag reads that failed");
    }

    /** Counters are cached by name and tags: the hot path neither builds ids nor allocates. */
    private Counter counter(final String name, final String description, final String... tags) {
        return counters.computeIfAbsent(List.of(name, List.of(tags)), key ->
                Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
