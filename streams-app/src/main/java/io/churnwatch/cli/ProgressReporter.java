package io.churnwatch.cli;

import io.churnwatch.jsonl.ParseResult;
import io.churnwatch.runtime.FileProgress;
import io.churnwatch.runtime.ImportListener;
import io.churnwatch.runtime.ImportResult;
import io.churnwatch.runtime.Rates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows the progress of an import on the error stream, and the lines it rejects.
 *
 * <p>On a terminal, one line redrawn in place a few times a second:
 * {@code usage.jsonl.gz [#########-----------]  45%  230,000 lines  52,310 events/s  2 rejected}. Otherwise
 * (a pipe, a file, CI logs) a plain line every few seconds:
 * {@code usage.jsonl.gz: 45%, 230,000 lines, 2 rejected, 52,310 events/s}. The share is of the file's bytes
 * (compressed bytes for gzip), so it is known without counting lines first; the rate counts valid events
 * since the file was opened. A rejected line is printed as {@code file:line: reason}, the first
 * {@code maxShown} of each file only.
 */
final class ProgressReporter implements ImportListener {

    static final Duration TERMINAL_REFRESH = Duration.ofMillis(200);
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);
    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final boolean terminal;
    private final int maxShown;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private long fileStart;
    private long lastShown;
    private int shown;
    private int barLength;

    /**
     * @param err       where progress and rejections go
     * @param terminal  whether {@code err} is a terminal: redraw one line instead of printing many
     * @param maxShown  rejected lines printed per file
     * @param nanoClock a monotonic clock in nanoseconds, normally {@code System::nanoTime}
     */
    ProgressReporter(final PrintWriter err, final boolean terminal, final int maxShown, final LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.maxShown = maxShown;
        this.nanoClock = nanoClock;
        this.intervalNanos = (terminal ? TERMINAL_REFRESH : PLAIN_INTERVAL).toNanos();
    }

    /** A reporter that draws a bar when this process has a console (stdin and stdout are a terminal). */
    static ProgressReporter forConsole(final PrintWriter err, final int maxShown) {
        return new ProgressReporter(err, System.console() != null, maxShown, System::nanoTime);
    }

    @Override
    public void started(final FileProgress progress) {
        fileStart = nanoClock.getAsLong();
        lastShown = fileStart;
        shown = 0;
    }

    @Override
    public void progress(final FileProgress progress) {
        final long now = nanoClock.getAsLong();
        if (now - lastShown < intervalNanos) {
            return;
        }
        lastShown = now;
        final double rate = Rates.perSecond(progress.accepted(), Duration.ofNanos(now - fileStart));
        if (terminal) {
            draw(bar(progress, rate));
        } else {
            err.println(String.format(Locale.ROOT, "%s: %d%%, %,d lines, %,d rejected, %,.0f events/s",
                    name(progress.file()), percent(progress), progress.lines(), progress.rejected(), rate));
            err.flush();
        }
    }

    @Override
    public void rejected(final Path file, final ParseResult<?> rejection) {
        if (shown > maxShown) {
            return;
        }
        clearBar();
        err.println(shown < maxShown ? name(file) + ":" + rejection.lineNo() + ": " + rejection.reason()
                : name(file) + ": more rejected lines are not shown (--show-rejected)");
        err.flush();
        shown++;
    }

    @Override
    public void finished(final ImportResult result) {
        clearBar();
    }

    private static String bar(final FileProgress progress, final double rate) {
        final int filled = (int) Math.round(progress.fraction() * BAR_WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %,d lines  %,.0f events/s  %,d rejected",
                name(progress.file()), "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), percent(progress),
                progress.lines(), rate, progress.rejected());
    }

    private void draw(final String line) {
        // Pad over a longer previous line; the cursor stays at the start so the next draw overwrites it.
        err.print("\r" + line + " ".repeat(Math.max(0, barLength - line.length())) + "\r");
        err.flush();
        barLength = line.length();
    }

    private void clearBar() {
        if (barLength > 0) {
            err.print("\r" + " ".repeat(barLength) + "\r");
            err.flush();
            barLength = 0;
        }
    }

    private static int percent(final FileProgress progress) {
        return (int) Math.floor(progress.fraction() * 100);
    }

    private static String name(final Path file) {
        return String.valueOf(file.getFileName());
    }
}
