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
        final MetricSums sums = MetricSums.of(metrics, GROUP);
        return new RocksDbFigures(sums.total("total-sst-files-size"), sums.total("size-all-mem-tables"),
                sums.total("block-cache-usage"), sums.total("estimate-table-readers-mem"));
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
