package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.jsonl.JsonlCodec;
import io.churnwatch.jsonl.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlImportTest {

    private static final UsageEvent LOGIN = new UsageEvent("e1", "acct-1", "u1", UsageKind.LOGIN, null, 1,
            Instant.parse("2026-01-05T10:00:00Z"));

    @TempDir
    Path dir;

    private final RecordingListener listener = new RecordingListener();
    private final Collecting target = new Collecting(listener.calls);

    @Test
    void shouldSendEveryEventInFileOrderWhenFileIsAGeneratedGzipDataSet() throws IOException {
        final Path usage = SmallHistory.writeTo(dir).resolve(EventKind.USAGE.fileName());

        final ImportResult result = JsonlImport.run(EventKind.USAGE, usage, target, listener);

        final List<UsageEvent> expected = SmallHistory.records().usage();
        assertThat(target.sent).containsExactlyElementsOf(expected);
        assertThat(result.accepted()).isEqualTo(expected.size());
        assertThat(result.rejected()).isZero();
    }

    @Test
    void shouldReportLineNumbersAndReasonsWhenLinesAreInvalid() throws IOException {
        final Path file = lines("usage.jsonl", JsonlCodec.usage().write(LOGIN), "not json", "",
                "{\"accountId\":\"acct-1\"}", JsonlCodec.usage().write(LOGIN));

        final ImportResult result = JsonlImport.run(EventKind.USAGE, file, target, listener);

        assertThat(listener.rejections).extracting(ParseResult::lineNo).containsExactly(2L, 4L);
        assertThat(listener.rejections.get(0).reason()).startsWith("not valid JSON");
        assertThat(listener.rejections.get(1).reason()).contains("missing required field");
        assertThat(target.sent).hasSize(2);
        assertThat(result.lines()).isEqualTo(5);
        assertThat(result.rejected()).isEqualTo(2);
    }

    @Test
    void shouldRejectLineWhenOccurredAtIsNotAfterTheEpoch() throws IOException {
        final UsageEvent ancient = UsageEvent.newBuilder(LOGIN).setOccurredAt(Instant.parse("1969-12-31T00:00:00Z"))
                .build();
        final Path file = lines("usage.jsonl", JsonlCodec.usage().write(ancient));

        JsonlImport.run(EventKind.USAGE, file, target, listener);

        assertThat(target.sent).isEmpty();
        assertThat(listener.rejections).singleElement().satisfies(r -> {
            assertThat(r.lineNo()).isEqualTo(1);
            assertThat(r.reason()).startsWith("occurredAt 1969-12-31T00:00:00Z is not after");
        });
    }

    @Test
    void shouldFlushTargetBeforeReportingTheResult() throws IOException {
        final Path file = lines("usage.jsonl", JsonlCodec.usage().write(LOGIN));

        JsonlImport.run(EventKind.USAGE, file, target, listener);

        assertThat(listener.calls).containsExactly("started", "flush", "finished");
    }

    @Test
    void shouldReportGrowingProgressEndingAtTheFileSizeWhenFileEnds() throws IOException {
        final Path file = Files.write(dir.resolve("usage.jsonl"),
                Collections.nCopies(3 * JsonlImport.PROGRESS_EVERY + 5, JsonlCodec.usage().write(LOGIN)));

        JsonlImport.run(EventKind.USAGE, file, target, listener);

        assertThat(listener.progress).hasSize(4);
        assertThat(listener.progress).extracting(FileProgress::bytesRead).isSorted()
                .first().asInstanceOf(InstanceOfAssertFactories.LONG).isLessThan(Files.size(file));
        assertThat(listener.progress).extracting(FileProgress::lines)
                .containsExactly(1L * JsonlImport.PROGRESS_EVERY, 2L * JsonlImport.PROGRESS_EVERY,
                        3L * JsonlImport.PROGRESS_EVERY, 3L * JsonlImport.PROGRESS_EVERY + 5);
        final FileProgress last = listener.progress.get(listener.progress.size() - 1);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.accepted()).isEqualTo(target.sent.size());
    }

    @Test
    void shouldNameTheFileWhenGzipStreamIsTruncated() throws IOException {
        final Path usage = SmallHistory.writeTo(dir).resolve(EventKind.USAGE.fileName());
        final byte[] bytes = Files.readAllBytes(usage);
        final Path truncated = Files.write(dir.resolve("truncated.jsonl.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> JsonlImport.run(EventKind.USAGE, truncated, target, listener))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read " + truncated);
    }

    @Test
    void shouldNameTheFileWhenItDoesNotExist() {
        final Path missing = dir.resolve("missing.jsonl");

        assertThatThrownBy(() -> JsonlImport.run(EventKind.USAGE, missing, target, listener))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read " + missing);
    }

    private Path lines(final String name, final String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    /** Keeps the records it is sent, and notes flushes among the listener's calls. */
    private static final class Collecting implements RecordTarget {
        final List<SpecificRecord> sent = new ArrayList<>();
        final List<String> calls;

        Collecting(final List<String> calls) {
            this.calls = calls;
        }

        @Override
        public void send(final EventKind kind, final SpecificRecord record) {
            sent.add(record);
        }

        @Override
        public void flush() {
            calls.add("flush");
        }
    }
}
