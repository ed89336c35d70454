package io.churnwatch.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlWriterTest {

    private static final BillingEvent EVENT = new BillingEvent("b1", "acct-1", BillingEventType.RENEWED, 4_900L,
            "EUR", "starter", Instant.parse("2026-02-05T00:10:00Z"));

    @TempDir
    Path dir;

    @Test
    void shouldGzipWhenFileNameEndsInGz() throws IOException {
        final Path file = write(dir.resolve("billing.jsonl.gz"));

        final byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
        assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
    }

    @Test
    void shouldWritePlainLinesWhenFileNameHasNoGz() throws IOException {
        final Path file = write(dir.resolve("billing.jsonl"));

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(JsonlCodec.billing().write(EVENT) + "\n" + JsonlCodec.billing().write(EVENT) + "\n");
    }

    @Test
    void shouldReadBackWhatItWroteWhenGzipped() throws IOException {
        final Path file = write(dir.resolve("billing.jsonl.gz"));

        final List<BillingEvent> read = new ArrayList<>();
        try (JsonlReader<BillingEvent> reader = JsonlReader.open(file, JsonlCodec.billing())) {
            reader.forEachRemaining(r -> read.add(r.value()));
        }
        assertThat(read).containsExactly(EVENT, EVENT);
    }

    @Test
    void shouldWriteIdenticalBytesWhenContentIsIdentical() throws IOException {
        final Path first = write(dir.resolve("a.jsonl.gz"));
        final Path second = write(dir.resolve("b.jsonl.gz"));

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    private static Path write(final Path file) throws IOException {
        try (JsonlWriter<BillingEvent> writer = JsonlWriter.open(file, JsonlCodec.billing()::write)) {
            writer.write(EVENT);
            writer.write(EVENT);
            assertThat(writer.lines()).isEqualTo(2);
        }
        return file;
    }
}
