package io.churnwatch.topology;

import io.churnwatch.config.ChurnConfig;
import java.time.Duration;

/**
 * How the deadline sweep of each task runs.
 *
 * @param interval    stream time between two sweeps
 * @param maxAccounts the most due accounts one punctuation examines; a sweep with more continues in the next ones
 * @param untilMillis sweeps stop before this event time (the end of a replayed period; negative for none)
 */
record SweepSettings(Duration interval, int maxAccounts, long untilMillis) {

    static SweepSettings of(final ChurnConfig config) {
        return new SweepSettings(Duration.ofMillis(config.getLong(ChurnConfig.SWEEP_INTERVAL_MS)),
                config.getInt(ChurnConfig.SWEEP_MAX_ACCOUNTS), config.getLong(ChurnConfig.INPUT_UNTIL_MS));
    }

    /** The stream time a sweep at {@code streamTime} runs deadlines up to: before the replay bound, if any. */
    long sweepTime(final long streamTime) {
        return untilMillis >= 0 ? Math.min(streamTime, untilMillis - 1) : streamTime;
    }
}
