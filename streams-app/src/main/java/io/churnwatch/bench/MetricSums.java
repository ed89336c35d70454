package io.churnwatch.bench;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The numeric metrics of one group of a Kafka Streams client, added up by metric name over the threads, tasks and
 * stores that report them; a metric with no value yet (NaN) is left out.
 */
final class MetricSums {

    private final Map<String, Double> sums = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    private MetricSums() {
    }

    static MetricSums of(final Map<MetricName, ? extends Metric> metrics, final String group) {
        final MetricSums result = new MetricSums();
        for (final Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
            if (group.equals(metric.getKey().group()) && metric.getValue().metricValue() instanceof Number number
                    && !Double.isNaN(number.doubleValue())) {
                result.sums.merge(metric.getKey().name(), number.doubleValue(), Double::sum);
                result.counts.merge(metric.getKey().name(), 1, Integer::sum);
            }
        }
        return result;
    }

    /** The sum of {@code name} over everything reporting it; 0 when nothing does. */
    long total(final String name) {
        return Math.round(sums.getOrDefault(name, 0.0));
    }

    /** The mean of {@code name} over everything reporting it; 0 when nothing does. */
    double mean(final String name) {
        final int count = counts.getOrDefault(name, 0);
        return count == 0 ? 0 : sums.get(name) / count;
    }
}
