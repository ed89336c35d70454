package io.churnwatch.topology;

import io.churnwatch.config.ChurnConfig;
import java.time.Duration;

/**
 * How the deadline sweep of each task runs.
 *
 * @param interval    stream time between two sweeps
 * @param maxAccounts the most due accounts one part of a sweep examines; a sweep with more continues in the next parts
 * @param untilMillis sweeps stop before this event time (the end of a replayed period; negative for none)
 */
record SweepSettings(Duration interval, int maxAccounts, long untilMillis) {

    static SweepSettings of(final ChurnConfig config) {
        return new SweepSettings(Duration.ofMillis(config.getLong(ChurnConfig.SWEEP_INTERVAL_MS)),
                config.getInt(ChurnConfig.SWEEP_MAX_ACCOUNTS), config.getLong(ChurnConfig.INPUT_UNTIL_MS));
    }

    /**
     * The stream time of the first sweep after one at {@code streamTime}: the next multiple of the interval since
     * the epoch, as Kafka Streams schedules a stream-time punctuation (daily sweeps run at midnight UTC).
     */
    long nextSweepAfter(final long streamTime) {
        final long millis = interval.toMillis();
        return streamTime - Math.floorMod(streamTime, millis) + millis;
    }

    /** Whether an event at {@code eventTime} is outside the replayed period (at or after its end). */
    boolean beyondUntil(final long eventTime) {
        return untilMillis >= 0 && eventTime >= untilMillis;
    }

    /** The stream time a sweep at {@code streamTime} runs deadlines up to: before the replay bound, if any. */
    long sweepTime(final long streamTime) {
        return untilMillis >= 0 ? Math.min(streamTime, untilMillis - 1) : streamTime;
    }
}
