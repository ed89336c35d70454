package io.churnwatch.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {

    private static final String GOOD = "{\"eventId\":\"e%d\",\"accountId\":\"acct-%d\",\"kind\":\"LOGIN\","
            + "\"occurredAt\":%d}";

    @TempDir
    Path dir;

    @Test
    void shouldDecompressWhenFileIsGzipped() throws IOException {
        final Path file = dir.resolve("usage.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((line(1) + "\n" + line(2) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(readAll(file)).extracting(r -> r.value().getEventId()).containsExactly("e1", "e2");
    }

    @Test
    void shouldReadPlainTextWhenFileIsNotGzipped() throws IOException {
        final Path file = Files.writeString(dir.resolve("usage.jsonl.gz"), line(1) + "\n");

        assertThat(readAll(file)).extracting(r -> r.value().getEventId()).containsExactly("e1");
    }

    @Test
    void shouldKeepEditorLineNumbersWhenBlankLinesAreSkipped() throws IOException {
        final Path file = Files.writeString(dir.resolve("usage.jsonl"), line(1) + "\n\n  \n" + line(2) + "\r\n");

        assertThat(readAll(file)).extracting(ParseResult::lineNo).containsExactly(1L, 4L);
    }

    @Test
    void shouldReportRejectAndContinueWhenLineIsBad() throws IOException {
        final Path file = Files.writeString(dir.resolve("usage.jsonl"), line(1) + "\nnot json\n" + line(3) + "\n");

        final List<ParseResult<UsageEvent>> results = readAll(file);

        assertThat(results).extracting(ParseResult::isOk).containsExactly(true, false, true);
        assertThat(results.get(1).lineNo()).isEqualTo(2);
        assertThat(results.get(1).rawLine()).isEqualTo("not json");
    }

    @Test
    void shouldReadLazilyWhenInputIsLarge() throws IOException {
        final long lines = 100_000;
        final GeneratedLinesInputStream in = new GeneratedLinesInputStream(lines, JsonlReaderTest::line);
        try (JsonlReader<UsageEvent> reader = JsonlReader.open(in, JsonlCodec.usage())) {
            assertThat(reader.next().value().getKind()).isEqualTo(UsageKind.LOGIN);
            // Only a few buffers' worth has been pulled from a ~8 MB input.
            assertThat(in.bytesServed()).isLessThan(256 * 1024);

            long ok = 1;
            while (reader.hasNext()) {
                ok += reader.next().isOk() ? 1 : 0;
            }
            assertThat(ok).isEqualTo(lines);
            assertThat(reader.linesRead()).isEqualTo(lines);
        }
    }

    @Test
    void shouldCloseReaderWhenStreamIsClosed() throws IOException {
        final Path file = Files.writeString(dir.resolve("usage.jsonl"), line(1) + "\n" + line(2) + "\n");
        final JsonlReader<UsageEvent> reader = JsonlReader.open(file, JsonlCodec.usage());

        try (Stream<ParseResult<UsageEvent>> stream = reader.stream()) {
            assertThat(stream.limit(1).count()).isEqualTo(1);
        }

        assertThatThrownBy(reader::hasNext).isInstanceOf(UncheckedIOException.class);
    }

    private List<ParseResult<UsageEvent>> readAll(final Path file) throws IOException {
        final List<ParseResult<UsageEvent>> results = new ArrayList<>();
        try (JsonlReader<UsageEvent> reader = JsonlReader.open(file, JsonlCodec.usage())) {
            reader.forEachRemaining(results::add);
        }
        return results;
    }

    private static String line(final long n) {
        return String.format(Locale.ROOT, GOOD, n, n % 100, Instant.EPOCH.plusSeconds(n).toEpochMilli());
    }
}
