package io.churnwatch.cli;

import io.churnwatch.generate.GenerationStats;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.generate.JsonlDirectorySink;
import io.churnwatch.jsonl.EventKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch generate --out <dir>}: writes a seeded synthetic history as a JSONL data set
 * ({@code accounts.jsonl.gz}, {@code usage.jsonl.gz}, {@code tickets.jsonl.gz}, {@code billing.jsonl.gz} and the
 * answer key {@code truth.jsonl.gz}, see {@link JsonlDirectorySink}), then prints the counts, the time taken
 * and the {@code churnwatch import} command that loads it. The same options always give the same files.
 */
@Command(name = "generate",
        description = "Write a seeded synthetic history (accounts, usage, tickets, billing, ground truth) as JSONL "
                + "files for 'churnwatch import'.")
final class GenerateCommand implements Callable<Integer> {

    /** The files 'churnwatch import' loads, profiles first. */
    private static final List<EventKind> IMPORT_ORDER =
            List.of(EventKind.ACCOUNTS, EventKind.USAGE, EventKind.TICKETS, EventKind.BILLING);

    @Option(names = "--out", required = true, paramLabel = "<dir>",
            description = "Directory to write into (created if missing; files of the same names are replaced).")
    private Path out;

    @Option(names = "--accounts", paramLabel = "<n>", defaultValue = "" + GeneratorOptions.DEFAULT_ACCOUNTS,
            description = "Number of accounts (default: ${DEFAULT-VALUE}).")
    private int accounts;

    @Option(names = "--days", paramLabel = "<d>", defaultValue = "" + GeneratorOptions.DEFAULT_DAYS,
            description = "Length of the history in days, at least " + GeneratorOptions.MIN_DAYS
                    + " (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--seed", paramLabel = "<s>", defaultValue = "" + GeneratorOptions.DEFAULT_SEED,
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--start", paramLabel = "<instant>",
            description = "First instant of the history, ISO-8601 (default: 2026-01-05T00:00:00Z).")
    private Instant start;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        final GeneratorOptions options = options();
        final PrintWriter stdout = spec.commandLine().getOut();
        final long begin = System.nanoTime();
        final GenerationStats stats;
        try (JsonlDirectorySink sink = new JsonlDirectorySink(out)) {
            stats = new HistoryGenerator(options).generate(sink);
        } catch (final IOException | UncheckedIOException e) {
            return Failures.report(spec, "cannot write to " + out + ": " + e.getMessage());
        }
        final double seconds = (System.nanoTime() - begin) / 1e9;
        stdout.println(String.format(Locale.ROOT, "generated %,d accounts and %,d events (usage %,d, tickets %,d, "
                        + "billing %,d) over %d days from %s, seed %d, in %.1f s", stats.accounts(), stats.events(),
                stats.usageEvents(), stats.ticketEvents(), stats.billingEvents(), options.days(), options.start(),
                options.seed(), seconds));
        for (final String name : fileNames()) {
            final Path file = out.resolve(name);
            stdout.println(String.format(Locale.ROOT, "  %s (%,d bytes)", file, Files.size(file)));
        }
        stdout.println("import with: churnwatch import " + IMPORT_ORDER.stream()
                .map(kind -> out.resolve(kind.fileName()).toString()).collect(Collectors.joining(" ")));
        stdout.flush();
        return 0;
    }

    private GeneratorOptions options() {
        try {
            return new GeneratorOptions(accounts, days, seed, start == null ? GeneratorOptions.DEFAULT_START : start);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static List<String> fileNames() {
        return Stream.concat(IMPORT_ORDER.stream().map(EventKind::fileName), Stream.of(JsonlDirectorySink.TRUTH_FILE))
                .toList();
    }
}
