package io.churnwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of a measured phase, two ways.
 *
 * <ul>
 *   <li><b>process</b>: {@code OperatingSystemMXBean.getProcessCpuTime()}, everything this JVM did meanwhile,
 *       including the embedded broker serving the phase, garbage collection and the JIT compiler (the schema
 *       registry is another process and is not counted; it is idle once ids are cached);</li>
 *   <li><b>client</b>: the CPU time of the threads the phase started (consumer, producer, stream and admin
 *       threads) plus the calling thread, read with {@code ThreadMXBean}: the work of the code under test without
 *       the broker. Threads alive before the phase started (the broker's, GC, JIT) are left out; so is a thread
 *       that ended before the closing snapshot, so take it before closing the clients.</li>
 * </ul>
 */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The clocks at one instant. */
    record Snapshot(long wallNanos, long processCpuNanos, long callerThreadId, Map<Long, Long> threadCpuNanos) {
    }

    /** CPU and wall-clock time between two snapshots. */
    record Usage(long wallNanos, long processCpuNanos, long clientCpuNanos) {

        static final Usage ZERO = new Usage(0, 0, 0);

        Usage plus(final Usage other) {
            return new Usage(wallNanos + other.wallNanos, processCpuNanos + other.processCpuNanos,
                    clientCpuNanos + other.clientCpuNanos);
        }
    }

    private CpuMeter() {
    }

    static Snapshot snapshot() {
        final Map<Long, Long> threads = new HashMap<>();
        for (final long id : THREADS.getAllThreadIds()) {
            final long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                threads.put(id, cpu);
            }
        }
        return new Snapshot(System.nanoTime(), processCpuNanos(), Thread.currentThread().getId(), threads);
    }

    /** The usage from {@code before} to {@code after}, both taken on the same thread. */
    static Usage between(final Snapshot before, final Snapshot after) {
        long client = 0;
        for (final Map.Entry<Long, Long> thread : after.threadCpuNanos().entrySet()) {
            final Long earlier = before.threadCpuNanos().get(thread.getKey());
            if (earlier == null) {
                client += thread.getValue();
            } else if (thread.getKey() == before.callerThreadId()) {
                client += thread.getValue() - earlier;
            }
        }
        return new Usage(after.wallNanos() - before.wallNanos(),
                after.processCpuNanos() - before.processCpuNanos(), client);
    }

    /** CPU time of the calling thread only: for work done in memory on this thread (the serde phase). */
    static long currentThreadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
