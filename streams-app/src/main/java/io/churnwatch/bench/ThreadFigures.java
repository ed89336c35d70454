package io.churnwatch.bench;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * How a Kafka Streams client's stream threads spent their loops, from their own metrics (group
 * {@code stream-thread-metrics}), totals summed over threads. These show costs the pipeline's figures do not: the thread
 * halves the records it processes per loop after every loop in which a punctuation ran or a commit happened, so
 * punctuations per record and records per loop say whether the loop's fixed cost is paid per record.
 *
 * @param records           records processed ({@code process-total})
 * @param polls             consumer polls ({@code poll-total})
 * @param punctuations      punctuations run ({@code punctuate-total})
 * @param commits           commits ({@code commit-total})
 * @param recordsPerLoopAvg records processed per loop, recent average over threads ({@code process-records-avg})
 */
record ThreadFigures(long records, long polls, long punctuations, long commits, double recordsPerLoopAvg) {

    private static final String GROUP = "stream-thread-metrics";

    static ThreadFigures of(final Map<MetricName, ? extends Metric> metrics) {
        long records = 0;
        long polls = 0;
        long punctuations = 0;
        long commits = 0;
        double perLoop = 0;
        int threads = 0;
        for (final Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
            final MetricName name = metric.getKey();
            if (!GROUP.equals(name.group()) || !(metric.getValue().metricValue() instanceof Number number)
                    || Double.isNaN(number.doubleValue())) {
                continue;
            }
            switch (name.name()) {
                case "process-total" -> records += number.longValue();
                case "poll-total" -> polls += number.longValue();
                case "punctuate-total" -> punctuations += number.longValue();
                case "commit-total" -> commits += number.longValue();
                case "process-records-avg" -> {
                    perLoop += number.doubleValue();
                    threads++;
                }
                default -> {
                    // Latencies and ratios are windowed: the totals above cover the whole run.
                }
            }
        }
        return new ThreadFigures(records, polls, punctuations, commits, threads == 0 ? 0 : perLoop / threads);
    }

    double punctuationsPerRecord() {
        return records == 0 ? 0 : (double) punctuations / records;
    }
}
