package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.jsonl.EventKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Which feed each file of {@code churnwatch import} belongs to: the one of {@code --topic} (a topic name as
 * configured), or else the one its name shows: {@code usage.jsonl.gz}, {@code tickets.jsonl}, or the topic
 * name itself, {@code product-usage.jsonl}; a {@code .gz}, {@code .jsonl} or {@code .json} suffix is ignored.
 * Mistakes (an unknown topic, an unrecognised or missing file) are command-line errors.
 */
final class ImportPlan {

    private final CommandLine commandLine;
    private final ChurnConfig config;

    ImportPlan(final CommandLine commandLine, final ChurnConfig config) {
        this.commandLine = commandLine;
        this.config = config;
    }

    /** The files in the order given, each with its feed. */
    Map<Path, EventKind> resolve(final String topic, final List<Path> files) {
        final Optional<EventKind> forAll = Optional.ofNullable(topic).map(this::kindOfTopic);
        final Map<Path, EventKind> plan = new LinkedHashMap<>();
        for (final Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(commandLine, "no such file: " + file);
            }
            plan.put(file, forAll.orElseGet(() -> kindOfFile(file)));
        }
        return plan;
    }

    private EventKind kindOfTopic(final String topic) {
        return EventKind.forTopic(topic, config).orElseThrow(() -> new ParameterException(commandLine,
                "unknown topic '" + topic + "': the input topics are " + topics()));
    }

    private EventKind kindOfFile(final Path file) {
        final String base = baseName(file);
        return Arrays.stream(EventKind.values())
                .filter(kind -> base.equals(baseName(Path.of(kind.fileName())))
                        || base.equals(config.getString(kind.configKey()).toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new ParameterException(commandLine, "cannot tell the topic of " + file
                        + " from its name: pass --topic (one of " + topics() + ")"));
    }

    private static String baseName(final Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        for (final String suffix : List.of(".gz", ".jsonl", ".json")) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private String topics() {
        return Arrays.stream(EventKind.values()).map(kind -> config.getString(kind.configKey()))
                .collect(Collectors.joining(", "));
    }
}
