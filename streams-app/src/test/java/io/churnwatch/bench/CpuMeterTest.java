package io.churnwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    /** Work that keeps a core busy until told to stop; returns something so it is not optimised away. */
    private static long spin(final AtomicBoolean stop) {
        long x = 0;
        while (!stop.get()) {
            x = x * 31 + 7;
        }
        return x;
    }

    @Test
    void shouldCountTheCallingThreadsWorkAsClientCpuWhenMeasuring() {
        final CpuMeter.Snapshot before = CpuMeter.snapshot();
        final long startCpu = CpuMeter.currentThreadCpuNanos();
        long x = 0;
        while (CpuMeter.currentThreadCpuNanos() - startCpu < 50_000_000L) {
            x = x * 31 + 7;
        }

        final CpuMeter.Usage usage = CpuMeter.between(before, CpuMeter.snapshot());

        assertThat(usage.clientCpuNanos()).as("checksum %d", x).isGreaterThanOrEqualTo(50_000_000L);
    }

    @Test
    void shouldCountAThreadStartedDuringThePhaseWhenItIsStillAlive() throws InterruptedException {
        final CpuMeter.Snapshot before = CpuMeter.snapshot();
        final AtomicBoolean stop = new AtomicBoolean();
        final CountDownLatch busy = new CountDownLatch(1);
        final long[] threadCpu = new long[1];
        final Thread worker = new Thread(() -> {
            final long start = CpuMeter.currentThreadCpuNanos();
            while (CpuMeter.currentThreadCpuNanos() - start < 50_000_000L) {
                Thread.onSpinWait();
            }
            busy.countDown();
            threadCpu[0] = spin(stop);
        });
        worker.start();
        busy.await();

        final CpuMeter.Usage usage = CpuMeter.between(before, CpuMeter.snapshot());
        stop.set(true);
        worker.join();

        assertThat(usage.clientCpuNanos()).as("checksum %d", threadCpu[0]).isGreaterThanOrEqualTo(50_000_000L);
    }

    @Test
    void shouldLeaveOutThreadsThatWereRunningBeforeWhenMeasuring() throws InterruptedException {
        final AtomicBoolean stop = new AtomicBoolean();
        final CountDownLatch started = new CountDownLatch(1);
        final long[] checksum = new long[1];
        final Thread earlier = new Thread(() -> {
            started.countDown();
            checksum[0] = spin(stop);
        });
        earlier.start();
        started.await();
        final CpuMeter.Snapshot before = CpuMeter.snapshot();
        final long startCpu = CpuMeter.currentThreadCpuNanos();
        while (CpuMeter.currentThreadCpuNanos() - startCpu < 20_000_000L) {
            Thread.onSpinWait();
        }

        final CpuMeter.Snapshot after = CpuMeter.snapshot();
        final long callerCpu = CpuMeter.currentThreadCpuNanos() - startCpu;
        stop.set(true);
        earlier.join();

        assertThat(CpuMeter.between(before, after).clientCpuNanos()).as("checksum %d", checksum[0])
                .isLessThanOrEqualTo(callerCpu + 5_000_000L);
    }
}
