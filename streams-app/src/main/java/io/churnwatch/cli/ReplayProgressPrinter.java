package io.churnwatch.cli;

import io.churnwatch.runtime.Replay;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a replay's progress as one line every few seconds: records replayed of the total, the rate, and the time
 * left at that rate, e.g. {@code replayed 412,000 of 1,080,258 records (38%), 10,300 records/s, about 65 s left}.
 */
final class ReplayProgressPrinter implements Replay.Progress {

    private final PrintWriter err;

    ReplayProgressPrinter(final PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(final long consumed, final long total, final Duration elapsed) {
        err.println(line(consumed, total, elapsed));
        err.flush();
    }

    static String line(final long consumed, final long total, final Duration elapsed) {
        final double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        final double rate = consumed / seconds;
        final String left = rate <= 0 ? "time left unknown"
                : String.format(Locale.ROOT, "about %.0f s left", (total - consumed) / rate);
        return String.format(Locale.ROOT, "replayed %,d of %,d records (%.0f%%), %,.0f records/s, %s", consumed, total,
                total == 0 ? 100.0 : 100.0 * consumed / total, rate, left);
    }
}
