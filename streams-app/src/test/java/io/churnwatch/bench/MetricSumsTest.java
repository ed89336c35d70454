package io.churnwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricSumsTest {

    private final Metrics metrics = new Metrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    private void add(final String name, final String group, final String thread, final double value) {
        metrics.addMetric(metrics.metricName(name, group, Map.of("thread-id", thread)), (Measurable) (c, now) -> value);
    }

    @Test
    void shouldAddUpAMetricOverThreadsWhenSumming() {
        add("process-total", "stream-thread-metrics", "t1", 300);
        add("process-total", "stream-thread-metrics", "t2", 200);

        assertThat(MetricSums.of(metrics.metrics(), "stream-thread-metrics").total("process-total")).isEqualTo(500);
    }

    @Test
    void shouldLeaveOutOtherGroupsAndValuesNotYetMeasuredWhenAveraging() {
        add("process-records-avg", "stream-thread-metrics", "t1", 900);
        add("process-records-avg", "stream-thread-metrics", "t2", Double.NaN);
        add("process-records-avg", "stream-task-metrics", "t1", 1);

        assertThat(MetricSums.of(metrics.metrics(), "stream-thread-metrics").mean("process-records-avg"))
                .isEqualTo(900.0);
    }

    @Test
    void shouldGiveZeroWhenNothingReportsTheMetric() {
        final MetricSums sums = MetricSums.of(metrics.metrics(), "stream-thread-metrics");

        assertThat(sums.total("commit-total")).isZero();
        assertThat(sums.mean("process-records-avg")).isZero();
    }
}
