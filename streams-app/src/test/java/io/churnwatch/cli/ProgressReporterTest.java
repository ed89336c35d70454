package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.jsonl.EventKind;
import io.churnwatch.jsonl.ParseResult;
import io.churnwatch.runtime.FileProgress;
import io.churnwatch.runtime.ImportResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private static final Path FILE = Path.of("data", "usage.jsonl.gz");
    private static final long SIZE = 1_000_000;

    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong(7_000_000_000L);

    private ProgressReporter reporter(final boolean terminal, final int maxShown) {
        return new ProgressReporter(new PrintWriter(err), terminal, maxShown, clock::get);
    }

    private static FileProgress at(final long bytes, final long lines, final long accepted, final long rejected) {
        return new FileProgress(FILE, EventKind.USAGE, SIZE, bytes, lines, accepted, rejected);
    }

    private void advance(final Duration by) {
        clock.addAndGet(by.toNanos());
    }

    @Test
    void shouldPrintPlainLineWithShareLinesAndRateWhenIntervalPassedOffTerminal() {
        final ProgressReporter progress = reporter(false, 10);
        progress.started(at(0, 0, 0, 0));
        advance(ProgressReporter.PLAIN_INTERVAL);

        progress.progress(at(450_000, 250_001, 250_000, 1));

        assertThat(err.toString()).isEqualTo("usage.jsonl.gz: 45%, 250,001 lines, 1 rejected, 50,000 events/s"
                + System.lineSeparator());
    }

    @Test
    void shouldPrintNothingWhenIntervalHasNotPassedOffTerminal() {
        final ProgressReporter progress = reporter(false, 10);
        progress.started(at(0, 0, 0, 0));
        advance(ProgressReporter.PLAIN_INTERVAL.minusMillis(1));

        progress.progress(at(450_000, 4096, 4096, 0));

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldPrintOneLinePerIntervalWhenProgressIsReportedOftenOffTerminal() {
        final ProgressReporter progress = reporter(false, 10);
        progress.started(at(0, 0, 0, 0));
        for (int i = 1; i <= 30; i++) {
            advance(Duration.ofSeconds(1));
            progress.progress(at(i * 10_000L, i * 4096L, i * 4096L, 0));
        }

        assertThat(err.toString().lines()).hasSize(30 / (int) ProgressReporter.PLAIN_INTERVAL.toSeconds());
    }

    @Test
    void shouldPrintFileLineAndReasonWhenLineRejected() {
        final ProgressReporter progress = reporter(false, 10);
        progress.started(at(0, 0, 0, 0));

        progress.rejected(FILE, ParseResult.rejected(17, "missing required field 'occurredAt'", "{}"));

        assertThat(err.toString().lines()).containsExactly("usage.jsonl.gz:17: missing required field 'occurredAt'");
    }

    @Test
    void shouldStopPrintingRejectionsAfterMaxShownWithOneNote() {
        final ProgressReporter progress = reporter(false, 2);
        progress.started(at(0, 0, 0, 0));

        for (int line = 1; line <= 5; line++) {
            progress.rejected(FILE, ParseResult.rejected(line, "bad " + line, "x"));
        }

        assertThat(err.toString().lines()).containsExactly("usage.jsonl.gz:1: bad 1", "usage.jsonl.gz:2: bad 2",
                "usage.jsonl.gz: more rejected lines are not shown (--show-rejected)");
    }

    @Test
    void shouldShowRejectionsAgainWhenNextFileStarts() {
        final ProgressReporter progress = reporter(false, 1);
        progress.started(at(0, 0, 0, 0));
        progress.rejected(FILE, ParseResult.rejected(1, "bad", "x"));
        progress.rejected(FILE, ParseResult.rejected(2, "bad", "x"));

        progress.started(at(0, 0, 0, 0));
        progress.rejected(FILE, ParseResult.rejected(3, "worse", "x"));

        assertThat(err.toString().lines()).endsWith("usage.jsonl.gz:3: worse");
    }

    @Test
    void shouldRedrawBarInPlaceWhenOnTerminal() {
        final ProgressReporter progress = reporter(true, 10);
        progress.started(at(0, 0, 0, 0));
        advance(ProgressReporter.TERMINAL_REFRESH);

        progress.progress(at(500_000, 10_000, 10_000, 0));

        assertThat(err.toString()).startsWith("\rusage.jsonl.gz [##########----------]  50%  10,000 lines  "
                + "50,000 events/s  0 rejected").doesNotContain("\n");
    }

    @Test
    void shouldEraseBarWhenFileFinishedOnTerminal() {
        final ProgressReporter progress = reporter(true, 10);
        progress.started(at(0, 0, 0, 0));
        advance(ProgressReporter.TERMINAL_REFRESH);
        progress.progress(at(500_000, 10_000, 10_000, 0));
        err.getBuffer().setLength(0);

        progress.finished(new ImportResult(FILE, EventKind.USAGE, 10_000, 10_000, 0, Duration.ofSeconds(1)));

        assertThat(err.toString()).matches("\r +\r");
    }
}
