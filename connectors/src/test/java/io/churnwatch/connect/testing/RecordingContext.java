package io.churnwatch.connect.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A unit test's stand-in for the worker: records what the task reports and the timeouts it asks for. */
public final class RecordingContext implements SinkTaskContext {

    public record Reported(SinkRecord record, Throwable error) {
    }

    public final List<Reported> reported = new ArrayList<>();
    public final List<Long> timeouts = new ArrayList<>();
    private final boolean hasReporter;

    public RecordingContext(final boolean hasReporter) {
        this.hasReporter = hasReporter;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return hasReporter ? (record, error) -> {
            reported.add(new Reported(record, error));
            return CompletableFuture.completedFuture(null);
        } : null;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(final Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(final TopicPartition tp, final long offset) {
    }

    @Override
    public void timeout(final long timeoutMs) {
        timeouts.add(timeoutMs);
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(final TopicPartition... partitions) {
    }

    @Override
    public void resume(final TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
