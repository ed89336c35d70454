package io.churnwatch.bench;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What the RocksDB stores of a running Kafka Streams client hold, from its RocksDB property metrics (group
 * {@code stream-state-metrics}, recorded at the default INFO level), summed over tasks and segments.
 *
 * @param sstBytes        bytes of the stores' SST files ({@code total-sst-files-size})
 * @param memtableBytes   bytes in memtables, written but not yet flushed to files ({@code size-all-mem-tables})
 * @param blockCacheBytes bytes of the block caches in use ({@code block-cache-usage}), off-heap
 * @param readerBytes     bytes of index and filter blocks held by table readers ({@code estimate-table-readers-mem})
 */
record RocksDbFigures(long sstBytes, long memtableBytes, long blockCacheBytes, long readerBytes) {

    private static final String GROUP = "stream-state-metrics";

    static RocksDbFigures of(final Map<MetricName, ? extends Metric> metrics) {
        long sst = 0;
        long memtables = 0;
        long blockCache = 0;
        long readers = 0;
        for (final Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
            final MetricName name = metric.getKey();
            if (!GROUP.equals(name.group()) || !(metric.getValue().metricValue() instanceof Number number)) {
                continue;
            }
            final long value = number.longValue();
            switch (name.name()) {
                case "total-sst-files-size" -> sst += value;
                case "size-all-mem-tables" -> memtables += value;
                case "block-cache-usage" -> blockCache += value;
                case "estimate-table-readers-mem" -> readers += value;
                default -> {
                    // Other state metrics (latencies, hit ratios) are not state size.
                }
            }
        }
        return new RocksDbFigures(sst, memtables, blockCache, readers);
    }

    /** The data the stores hold: files plus memtables. */
    long dataBytes() {
        return sstBytes + memtableBytes;
    }

    /** Native memory of the stores beyond the JVM heap: memtables, block caches, index and filter blocks. */
    long offHeapBytes() {
        return memtableBytes + blockCacheBytes + readerBytes;
    }
}
