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
        final MetricSums sums = MetricSums.of(metrics, GROUP);
        return new ThreadFigures(sums.total("process-total"), sums.total("poll-total"), sums.total("punctuate-total"),
                sums.total("commit-total"), sums.mean("process-records-avg"));
    }

    double punctuationsPerRecord() {
        return records == 0 ? 0 : (double) punctuations / records;
    }
}
