package io.churnwatch.generate;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.jsonl.JsonlCodec;
import io.churnwatch.jsonl.JsonlWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a generated history as a JSONL data set directory: {@code usage.jsonl.gz}, {@code tickets.jsonl.gz},
 * {@code billing.jsonl.gz} and {@code accounts.jsonl.gz} in the event contract's JSONL form (see
 * {@link JsonlCodec}, file names from {@link EventKind#fileName()}), and {@code truth.jsonl.gz} in
 * {@link GroundTruthJson} form. Existing files of those names are replaced. Each file keeps arrival order, so
 * event files are sorted by time.
 */
public final class JsonlDirectorySink implements EventSink, Closeable {

    /** File name of the ground truth in a generated data set. */
    public static final String TRUTH_FILE = "truth.jsonl.gz";

    private final JsonlWriter<AccountProfile> accounts;
    private final JsonlWriter<UsageEvent> usage;
    private final JsonlWriter<SupportTicketEvent> tickets;
    private final JsonlWriter<BillingEvent> billing;
    private final JsonlWriter<GroundTruth> truth;

    /** Creates {@code dir} if needed and opens its five files. */
    public JsonlDirectorySink(final Path dir) throws IOException {
        Files.createDirectories(dir);
        final List<Closeable> opened = new ArrayList<>();
        try {
            accounts = track(opened, JsonlWriter.open(dir.resolve(EventKind.ACCOUNTS.fileName()),
                    JsonlCodec.accounts()::write));
            usage = track(opened, JsonlWriter.open(dir.resolve(EventKind.USAGE.fileName()),
                    JsonlCodec.usage()::write));
            tickets = track(opened, JsonlWriter.open(dir.resolve(EventKind.TICKETS.fileName()),
                    JsonlCodec.tickets()::write));
            billing = track(opened, JsonlWriter.open(dir.resolve(EventKind.BILLING.fileName()),
                    JsonlCodec.billing()::write));
            truth = track(opened, JsonlWriter.open(dir.resolve(TRUTH_FILE), GroundTruthJson::write));
        } catch (final IOException e) {
            closeAll(opened);
            throw e;
        }
    }

    @Override
    public void accept(final AccountProfile profile) {
        write(accounts, profile);
    }

    @Override
    public void accept(final UsageEvent event) {
        write(usage, event);
    }

    @Override
    public void accept(final SupportTicketEvent event) {
        write(tickets, event);
    }

    @Override
    public void accept(final BillingEvent event) {
        write(billing, event);
    }

    @Override
    public void accept(final GroundTruth groundTruth) {
        write(truth, groundTruth);
    }

    /** Flushes and closes every file; the first failure is thrown after all were tried. */
    @Override
    public void close() throws IOException {
        closeAll(List.of(accounts, usage, tickets, billing, truth));
    }

    private static <T> void write(final JsonlWriter<T> writer, final T value) {
        try {
            writer.write(value);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write generated data", e);
        }
    }

    private static <T extends Closeable> T track(final List<Closeable> opened, final T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static void closeAll(final List<? extends Closeable> closeables) throws IOException {
        IOException failure = null;
        for (final Closeable closeable : closeables) {
            try {
                closeable.close();
            } catch (final IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
