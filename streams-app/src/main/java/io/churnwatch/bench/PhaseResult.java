package io.churnwatch.bench;

/**
 * One measurement of one phase: how many events it handled and the time and CPU it took.
 *
 * @param events records handled
 * @param bytes  bytes of record values handled (0 when the phase does not see them)
 * @param usage  wall-clock and CPU time
 */
record PhaseResult(long events, long bytes, CpuMeter.Usage usage) {

    double eventsPerSecond() {
        return usage.wallNanos() == 0 ? 0 : events * 1e9 / usage.wallNanos();
    }

    double processCpuMicrosPerEvent() {
        return events == 0 ? 0 : usage.processCpuNanos() / 1e3 / events;
    }

    double clientCpuMicrosPerEvent() {
        return events == 0 ? 0 : usage.clientCpuNanos() / 1e3 / events;
    }
}
