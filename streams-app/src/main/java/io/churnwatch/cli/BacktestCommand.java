package io.churnwatch.cli;

import io.churnwatch.backtest.AccountHistory;
import io.churnwatch.backtest.Backtest;
import io.churnwatch.backtest.BacktestHtml;
import io.churnwatch.backtest.BacktestJson;
import io.churnwatch.backtest.BacktestOptions;
import io.churnwatch.backtest.BacktestReport;
import io.churnwatch.backtest.BacktestRunner;
import io.churnwatch.backtest.BacktestTable;
import io.churnwatch.backtest.Outcome;
import io.churnwatch.backtest.OutcomesFile;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.SignalsConfig;
import io.churnwatch.config.TopicsConfig;
import io.churnwatch.embedded.DevStack;
import io.churnwatch.jsonl.EventKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch backtest --data DIR}: how well the alerts tell leaving customers from staying ones on a real
 * history. Starts an embedded broker and registry, imports the directory's JSONL files ({@code accounts},
 * {@code billing}, {@code tickets}, {@code usage}; {@code .jsonl} or {@code .jsonl.gz}) into input topics that
 * keep them forever, replays them through the pipeline under the given configuration ({@code --set}), reads the
 * alerts and health updates back and judges them ({@link Backtest}) against the outcomes: the input's
 * CANCELLED events, or {@code --outcomes}. Prints the tables; {@code --json} and {@code --html} write the report.
 */
@Command(name = "backtest",
        description = "Replay a JSONL history through the pipeline and measure how well its alerts foresee churn.")
final class BacktestCommand implements Callable<Integer> {

    private static final List<EventKind> IMPORT_ORDER = List.of(EventKind.ACCOUNTS, EventKind.BILLING,
            EventKind.TICKETS, EventKind.USAGE);

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--data", required = true, paramLabel = "<dir>",
            description = "Directory with usage.jsonl[.gz] and optionally accounts, billing and tickets files.")
    private Path data;

    @Option(names = "--outcomes", paramLabel = "<file>", description = "JSONL outcomes (accountId, outcome "
            + "CHURNED/RETAINED/OTHER, date; or the OULAD truth file's final_result); default: CANCELLED events "
            + "of the input are churn, every other account is retained until the last event.")
    private Path outcomes;

    @Option(names = "--lead-days", defaultValue = "7",
            description = "A churner counts as flagged when alerted at least this many days before it cancels "
                    + "(default ${DEFAULT-VALUE}).")
    private int leadDays;

    @Option(names = "--json", paramLabel = "<file>", description = "Also write the report as JSON.")
    private Path json;

    @Option(names = "--html", paramLabel = "<file>", description = "Also write the report as an HTML page with plots.")
    private Path html;

    @Option(names = "--propose-weights", description = "Also propose health-score weights under which the score "
            + "ranks the accounts by who churns next best, fitted on half the accounts and checked on the others.")
    private boolean proposeWeights;

    @Option(names = "--timeout", defaultValue = "PT2H", converter = DurationConverter.class,
            description = "Give up when the replay has not finished after this long (default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (leadDays < 0 || leadDays > 365) {
            throw new ParameterException(spec.commandLine(), "--lead-days must be between 0 and 365: " + leadDays);
        }
        final Map<Path, EventKind> files = files();
        final Map<String, Outcome> given = outcomes == null ? null : readOutcomes();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        out.println("Starting an embedded Kafka broker (KRaft) and schema registry...");
        out.flush();
        final Path stateDir = Files.createTempDirectory(Files.createDirectories(Path.of(".churnwatch")), "backtest-");
        try (DevStack stack = DevStack.start()) {
            final ChurnConfig config = config(stack, stateDir);
            final BacktestRunner.Replayed run = new BacktestRunner(config)
                    .run(files, ProgressReporter.forConsole(err, 10), new ReplayProgressPrinter(err), timeout);
            out.printf(Locale.ROOT, "Imported %,d events of %,d accounts; replayed %,d records in %.1f s; read %,d "
                            + "alert records and %,d health updates%n",
                    run.imports().stream().mapToLong(r -> r.accepted()).sum(), run.facts().accounts(),
                    run.replay().recordsConsumed(), run.replay().took().toMillis() / 1000.0, run.alertRecords(),
                    run.healthRecords());
            final Map<String, Outcome> judged = given == null ? run.facts().outcomesFromInput() : combined(run, given);
            final List<AccountHistory> histories = run.facts().histories(run.alerts(), run.health(), judged);
            if (given != null) {
                final long missing = histories.stream().filter(h -> !judged.containsKey(h.accountId())).count();
                if (missing > 0) {
                    out.printf(Locale.ROOT, "  %,d accounts of the input have no outcome in %s: not judged%n",
                            missing, outcomes);
                }
            }
            final BacktestOptions options = BacktestOptions.defaults().withLeadDays(leadDays);
            final BacktestReport judgedReport = Backtest.run(histories, options);
            final BacktestReport report = proposeWeights ? judgedReport.withWeights(Backtest.proposeWeights(histories,
                    options, List.of(SignalsConfig.COMPONENTS), weights(config.signals()))) : judgedReport;
            BacktestTable.print(report, out);
            write(json, writer -> BacktestJson.write(report, writer));
            write(html, writer -> BacktestHtml.write(report, writer));
            out.flush();
        } finally {
            Utils.delete(stateDir.toFile());
        }
        return 0;
    }

    /** The file's outcomes, with the input's cancellations where the file says OTHER or nothing (reported). */
    private Map<String, Outcome> combined(final BacktestRunner.Replayed run, final Map<String, Outcome> given) {
        final OutcomesFile.Combined combined = OutcomesFile.combine(run.facts().outcomesFromInput(), given);
        if (combined.overruled() > 0) {
            spec.commandLine().getOut().printf(Locale.ROOT, "  %,d accounts cancelled in the input but are OTHER or "
                    + "absent in %s: judged as churned (a CANCELLED event is churn)%n", combined.overruled(), outcomes);
        }
        return combined.outcomes();
    }

    /** The files of {@code --data}, in import order. */
    private Map<Path, EventKind> files() {
        if (!Files.isDirectory(data)) {
            throw new ParameterException(spec.commandLine(), "--data is not a directory: " + data);
        }
        final Map<Path, EventKind> files = new LinkedHashMap<>();
        for (final EventKind kind : IMPORT_ORDER) {
            final Path gz = data.resolve(kind.fileName());
            final Path plain = data.resolve(kind.fileName().replaceFirst("\\.gz$", ""));
            if (Files.isRegularFile(gz)) {
                files.put(gz, kind);
            } else if (Files.isRegularFile(plain)) {
                files.put(plain, kind);
            }
        }
        if (!files.containsValue(EventKind.USAGE)) {
            throw new ParameterException(spec.commandLine(), "no usage.jsonl or usage.jsonl.gz in " + data);
        }
        return files;
    }

    private Map<String, Outcome> readOutcomes() {
        try {
            return OutcomesFile.read(outcomes);
        } catch (final IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --outcomes: " + e.getMessage());
        }
    }

    /** The health weights the replay ran with, in {@link SignalsConfig#COMPONENTS} order. */
    private static double[] weights(final SignalsConfig signals) {
        final double[] weights = new double[SignalsConfig.COMPONENTS.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = signals.weight(i);
        }
        return weights;
    }

    private ChurnConfig config(final DevStack stack, final Path stateDir) {
        final Map<String, Object> settings = new HashMap<>(configOptions.load().originals());
        settings.put(ChurnConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        settings.put(ChurnConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        settings.putIfAbsent(ChurnConfig.APPLICATION_ID, "churnwatch-backtest");
        settings.put(ChurnConfig.STATE_DIR, stateDir.toString());
        // A history is old by definition: the broker must not delete it by retention before the replay reads it.
        settings.put(TopicsConfig.INPUT_RETENTION_MS, -1L);
        settings.putIfAbsent("num.stream.threads", 2);
        return new ChurnConfig(settings);
    }

    /** What writes a report to a writer. */
    @FunctionalInterface
    private interface ReportWriter {
        void write(Writer writer) throws IOException;
    }

    private void write(final Path file, final ReportWriter report) {
        if (file == null) {
            return;
        }
        try (Writer writer = Files.newBufferedWriter(file)) {
            report.write(writer);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("Wrote " + file.toAbsolutePath().normalize());
    }
}
