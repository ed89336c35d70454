package io.churnwatch.ops;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.runtime.KafkaOffsets;
import io.churnwatch.runtime.StreamsSettings;
import io.churnwatch.runtime.VisibleLag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer lag as the gauges {@code churnwatch.consumer.lag{group,topic,partition}}: per partition, the end
 * offset minus the group's committed offset (a partition the group never committed counts from its log start),
 * read through the Admin client by {@link #refresh()}, which the caller schedules every
 * {@code lag.refresh.interval.ms}: a scrape never waits on the cluster.
 *
 * <p>Groups: churnwatch's own ({@code application.id}) on its four input topics, and each group of
 * {@code lag.watch.groups} (a CRM sink, say) on the topics it has committed offsets for, typically
 * churnwatch's outputs: a group that committed nothing yet has no rows. A watched group's lag counts records, not
 * offsets ({@link VisibleLag}): churnwatch's outputs are transactional, and a sink that delivered everything must
 * show 0, not the commit markers after its last record. A failed read keeps the previous values,
 * counts {@code churnwatch.consumer.lag.refresh.failures} and marks the cluster unreachable ({@link #contact()},
 * which readiness reports) until a read succeeds again.
 */
public final class LagMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LagMonitor.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaOffsets offsets;
    private final VisibleLag visible;
    private final String applicationGroup;
    private final List<String> inputTopics;
    private final List<String> watchedGroups;
    private final Counter failures;
    private final MultiGauge gauge;
    private final Clock clock;
    private volatile LagSnapshot last = LagSnapshot.NONE;
    private volatile ClusterContact contact = ClusterContact.REACHABLE;

    LagMonitor(final KafkaOffsets offsets, final VisibleLag visible, final ChurnConfig config,
               final ChurnMetrics metrics, final Clock clock) {
        this.offsets = offsets;
        this.visible = visible;
        this.applicationGroup = config.applicationId();
        this.inputTopics = List.of(config.getString(ChurnConfig.TOPIC_USAGE), config.getString(ChurnConfig.TOPIC_TICKETS),
                config.getString(ChurnConfig.TOPIC_BILLING), config.getString(ChurnConfig.TOPIC_ACCOUNTS));
        this.watchedGroups = config.getList(ChurnConfig.LAG_WATCH_GROUPS);
        this.failures = metrics.lagRefreshFailures();
        this.gauge = metrics.consumerLag();
        this.clock = clock;
    }

    /** A monitor with an Admin client of its own on the configuration's cluster; nothing is read yet. */
    public static LagMonitor create(final ChurnConfig config, final ChurnMetrics metrics) {
        final Properties client = StreamsSettings.clientProperties(config);
        return new LagMonitor(new KafkaOffsets(client, ADMIN_TIMEOUT), new VisibleLag(client), config, metrics,
                Clock.systemUTC());
    }

    /** Reads every group's lag and replaces the gauge rows; a failure is logged and counted, never thrown. */
    public void refresh() {
        try {
            final Map<String, Map<TopicPartition, Long>> groups = new LinkedHashMap<>();
            groups.put(applicationGroup, offsets.lag(applicationGroup, inputTopics));
            for (final String group : watchedGroups) {
                final Set<String> topics = offsets.committed(group).keySet().stream().map(TopicPartition::topic)
                        .collect(Collectors.toSet());
                groups.put(group, topics.isEmpty() ? Map.of() : visible.settle(offsets.lag(group, topics)));
            }
            final List<MultiGauge.Row<?>> rows = new ArrayList<>();
            groups.forEach((group, lag) -> lag.forEach((partition, records) -> rows.add(MultiGauge.Row.of(
                    Tags.of("group", group, "topic", partition.topic(), "partition",
                            Integer.toString(partition.partition())), records))));
            gauge.register(rows, true);
            last = new LagSnapshot(clock.instant(), groups);
            contact = ClusterContact.REACHABLE;
        } catch (final KafkaException e) {
            contact = contact.failed(clock.instant(), e.getMessage());
            failures.increment();
            LOG.warn("Cannot read consumer lag; the lag gauges keep their last values: {}", e.getMessage());
        }
    }

    /** The lag as last read. */
    public LagSnapshot snapshot() {
        return last;
    }

    /** Whether the cluster answered this monitor's last read. */
    public ClusterContact contact() {
        return contact;
    }

    /** The groups this monitor reads: churnwatch's own first. */
    public List<String> groups() {
        final List<String> groups = new ArrayList<>();
        groups.add(applicationGroup);
        groups.addAll(watchedGroups);
        return groups;
    }

    @Override
    public void close() {
        offsets.close();
        visible.close();
    }
}
