package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.runtime.ClusterUnreachableException;
import io.churnwatch.runtime.ImportFailedException;
import io.churnwatch.runtime.ImportResult;
import io.churnwatch.runtime.JsonlImport;
import io.churnwatch.runtime.KafkaImporter;
import io.churnwatch.runtime.Rates;
import io.churnwatch.runtime.RecordTarget;
import io.churnwatch.runtime.TopicProvisioner;
import io.churnwatch.runtime.TopicReport;
import io.churnwatch.runtime.TopicStatus;
import io.churnwatch.runtime.RetentionGuard;
import io.churnwatch.runtime.OldestRecord;
import io.churnwatch.runtime.ImportListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch import [--topic <topic>] <file>...}: loads JSONL files into churnwatch's input topics.
 *
 * <p>One JSON object per line with the event contract's field names, timestamps as ISO-8601 or epoch millis
 * (see {@link io.churnwatch.jsonl.JsonlCodec}); plain or gzip. Files are streamed, never loaded whole, through a
 * {@link KafkaImporter}: key {@code accountId}, record timestamp {@code occurredAt} ({@code signedUpAt} for
 * accounts, so that replaying the compacted topic is deterministic), Avro values on the configured registry.
 * Every line is validated; a rejected line is reported with its number and reason and never sent, while the
 * valid lines are imported either way: the exit code is then {@value #EXIT_REJECTED} unless {@code --skip-invalid}.
 * Progress goes to stderr (see {@link ProgressReporter}), a summary with the throughput to stdout.
 */
@Command(name = "import",
        description = "Import JSONL files (plain or gzip) of usage, tickets, billing or accounts into their topics.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every line imported (or rejected lines ignored by --skip-invalid)",
            "1:failure while running (cluster, registry or file unreadable)",
            "2:invalid command line",
            "65:some lines were rejected (the valid ones were imported)",
            "78:invalid configuration",
        })
final class ImportCommand implements Callable<Integer> {

    /** Exit code when lines were rejected (EX_DATAERR of sysexits.h). */
    static final int EXIT_REJECTED = 65;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--topic", paramLabel = "<topic>",
            description = "Input topic of all the files: product-usage, support-tickets, billing, accounts (or the "
                    + "names topic.* configure). Default: from each file's name, e.g. usage.jsonl.gz, "
                    + "tickets.jsonl, billing.jsonl.gz, accounts.jsonl.gz.")
    private String topic;

    @Parameters(arity = "1..*", paramLabel = "<file>", description = "JSONL files, plain or gzip.")
    private List<Path> files;

    @Option(names = "--dry-run", description = "Validate the files only; send nothing.")
    private boolean dryRun;

    @Option(names = "--skip-invalid", description = "Exit 0 even when lines were rejected.")
    private boolean skipInvalid;

    @Option(names = "--allow-expiring", description = "Import even records older than their topic keeps "
            + "(retention.ms) or accepts (message.timestamp.before.max.ms); by default such an import is refused "
            + "before anything is sent, since the broker would delete or refuse those records.")
    private boolean allowExpiring;

    @Option(names = "--show-rejected", paramLabel = "<n>", defaultValue = "100",
            description = "Rejected lines printed per file (default: ${DEFAULT-VALUE}); all are counted.")
    private int showRejected;

    @Mixin
    private ClusterTimeout clusterTimeout;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final ChurnConfig config = configOptions.load();
        final Map<Path, EventKind> plan = new ImportPlan(spec.commandLine(), config).resolve(topic, files);
        final ProgressReporter progress = ProgressReporter.forConsole(spec.commandLine().getErr(), showRejected);
        final List<ImportResult> results = new ArrayList<>();
        try {
            if (dryRun) {
                for (final Map.Entry<Path, EventKind> file : plan.entrySet()) {
                    results.add(print(JsonlImport.run(file.getValue(), file.getKey(), RecordTarget.DISCARD, progress),
                            "(dry run, nothing sent)"));
                }
            } else {
                final Optional<String> refused = requireTopics(config, plan);
                if (refused.isPresent()) {
                    return Failures.report(spec, refused.get());
                }
                try (KafkaImporter importer = KafkaImporter.create(config)) {
                    for (final Map.Entry<Path, EventKind> file : plan.entrySet()) {
                        results.add(print(importer.importFile(file.getValue(), file.getKey(), progress),
                                "-> " + importer.topic(file.getValue())));
                    }
                }
            }
        } catch (final IOException e) {
            return Failures.report(spec, e.getMessage());
        } catch (final ImportFailedException | KafkaException | ClusterUnreachableException e) {
            return Failures.report(spec, e.getMessage());
        }
        return summary(results);
    }

    /**
     * Checks that the topics exist and, unless {@code --allow-expiring}, that each keeps the oldest record of its
     * files (a pass over the files before anything is sent).
     *
     * @return the one-line reason to refuse the import, if any
     */
    private Optional<String> requireTopics(final ChurnConfig config, final Map<Path, EventKind> plan)
            throws IOException {
        final List<String> topics = plan.values().stream().distinct().map(kind -> config.getString(kind.configKey()))
                .toList();
        final TopicReport report;
        try (TopicProvisioner provisioner = TopicProvisioner.create(config, clusterTimeout.timeout())) {
            final List<String> missing = provisioner.missing(topics);
            if (!missing.isEmpty()) {
                throw new KafkaException("topic " + String.join(", ", missing) + " does not exist; create the topics "
                        + "with 'churnwatch topics create' (an import would auto-create it with broker defaults)");
            }
            report = provisioner.check();
        }
        if (allowExpiring) {
            return Optional.empty();
        }
        final Instant now = Instant.now();
        for (final Map.Entry<Path, EventKind> file : plan.entrySet()) {
            final String topic = config.getString(file.getValue().configKey());
            final Map<String, String> configs = report.topics().stream().filter(t -> t.name().equals(topic))
                    .findFirst().map(TopicStatus::configs).orElse(Map.of());
            final OldestRecord oldest = new OldestRecord();
            JsonlImport.run(file.getValue(), file.getKey(), oldest, ImportListener.NONE);
            final Optional<String> refusal = oldest.at().flatMap(at -> RetentionGuard.refusal(
                    file.getKey().toString(), topic, configs, at, now));
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private ImportResult print(final ImportResult result, final String where) {
        final PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "%s %s: %,d events in %.1f s (%,.0f events/s), %,d rejected",
                result.file(), where, result.accepted(), result.elapsed().toMillis() / 1000.0,
                result.eventsPerSecond(), result.rejected()));
        out.flush();
        return result;
    }

    private int summary(final List<ImportResult> results) {
        final long accepted = results.stream().mapToLong(ImportResult::accepted).sum();
        final long rejected = results.stream().mapToLong(ImportResult::rejected).sum();
        final Duration elapsed = results.stream().map(ImportResult::elapsed).reduce(Duration.ZERO, Duration::plus);
        if (results.size() > 1) {
            final PrintWriter out = spec.commandLine().getOut();
            out.println(String.format(Locale.ROOT, "total: %,d events in %.1f s (%,.0f events/s), %,d rejected",
                    accepted, elapsed.toMillis() / 1000.0, Rates.perSecond(accepted, elapsed), rejected));
            out.flush();
        }
        if (rejected == 0 || skipInvalid) {
            return 0;
        }
        Failures.report(spec, String.format(Locale.ROOT, "%,d lines were rejected and not sent%s; "
                + "--skip-invalid accepts that", rejected, dryRun ? "" : " (the valid lines were imported)"));
        return EXIT_REJECTED;
    }
}
