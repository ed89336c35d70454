package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.runtime.Preflight;
import io.churnwatch.runtime.Registries;
import io.churnwatch.runtime.Replay;
import io.churnwatch.runtime.StreamsSettings;
import io.churnwatch.runtime.TopicReader;
import io.churnwatch.serde.SchemaRegistryClient;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch replay}: history through the same logic, beside the live app. See {@link Replay}.
 */
@Command(name = "replay",
        description = "Re-run the pipeline over the input history into prefixed output topics, then stop.")
final class ReplayCommand implements Callable<Integer> {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--from", required = true, converter = InstantConverter.class,
            description = "Start of the replay: ISO-8601 instant (2026-01-05T00:00:00Z), date (2026-01-05) or epoch ms.")
    private Instant from;

    @Option(names = "--to", converter = InstantConverter.class,
            description = "End of the replay (exclusive); default: the end of the input when the replay starts.")
    private Instant to;

    @Option(names = "--output-prefix", required = true,
            description = "Prefix of the output topics, e.g. 'q3' writes q3.churn-risk-alerts and q3.account-health.")
    private String prefix;

    @Option(names = "--keep-state", description = "Keep the replay's internal topics, group and local state.")
    private boolean keepState;

    @Option(names = "--threads", defaultValue = "0",
            description = "Stream threads; 0 (default): num.stream.threads when configured, else one per core and "
                    + "at most one per input partition.")
    private int threads;

    @Option(names = "--timeout", defaultValue = "PT1H", converter = DurationConverter.class,
            description = "Give up when the replay has not finished after this long (default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new ParameterException(spec.commandLine(),
                    "--output-prefix must be 1-100 letters, digits, '.', '_' or '-': " + prefix);
        }
        if (threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads must be 0 (chosen for the machine) or more");
        }
        if (to != null && !to.isAfter(from)) {
            throw new ParameterException(spec.commandLine(), "--to must be after --from");
        }
        final ChurnConfig config = configOptions.load();
        Preflight.kafka(StreamsSettings.clientProperties(config), Duration.ofSeconds(60));
        final SchemaRegistryClient registry = Registries.client(config);
        Preflight.registry(registry, config.schemaRegistryUrl());
        final Replay replay = new Replay(config, prefix, from, to).withThreads(threads)
                .withProgress(new ReplayProgressPrinter(spec.commandLine().getErr()));
        final Replay.Summary summary = replay.run(ChurnTopics.of(config, ChurnSerdes.on(registry)),
                ChurnMetrics.inMemory(), keepState, timeout);
        print(summary, config);
        return 0;
    }

    private void print(final Replay.Summary summary, final ChurnConfig config) {
        final PrintWriter out = spec.commandLine().getOut();
        final ChurnTopics outputs = summary.outputs();
        final List<ChurnRiskAlert> alerts = TopicReader.readAll(StreamsSettings.clientProperties(config),
                outputs.alerts().name(), outputs.alerts().valueSerde().deserializer(), Duration.ofMinutes(5))
                .stream().map(ConsumerRecord::value).toList();
        final long health = TopicReader.readAll(StreamsSettings.clientProperties(config), outputs.health().name(),
                outputs.health().valueSerde().deserializer(), Duration.ofMinutes(5)).size();
        final double seconds = summary.took().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "Replayed %,d input records in %.1f s (%,.0f records/s, %d stream thread%s) as %s%n",
                summary.recordsConsumed(), seconds, summary.recordsConsumed() / Math.max(seconds, 0.001),
                summary.threads(), summary.threads() == 1 ? "" : "s", summary.applicationId());
        if (!summary.incompleteHistory().isEmpty()) {
            out.printf(Locale.ROOT, "  Warning: the input history from %s may be incomplete: records were deleted (by "
                    + "retention?) before where the replay started on %s%n", from, summary.describeIncompleteHistory());
        }
        out.printf(Locale.ROOT, "  %s: %,d alert records%n", outputs.alerts().name(), alerts.size());
        final Map<String, Long> bySignal = new TreeMap<>();
        alerts.forEach(a -> bySignal.merge(a.getSignal() + " " + a.getStatus(), 1L, Long::sum));
        bySignal.forEach((key, count) -> out.printf(Locale.ROOT, "    %-36s %,8d%n", key, count));
        out.printf(Locale.ROOT, "  %s: %,d health updates%n", outputs.health().name(), health);
        out.println(keepState ? "Kept the replay's state, internal topics and group." :
                "Deleted the replay's local state, internal topics and group.");
        out.flush();
    }
}
