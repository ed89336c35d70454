package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.ConfigDocs;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.types.Password;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch config}: prints the effective configuration, one {@code key=value} line per key in key
 * order, defaults included, in a form {@code --config} reads back. Values of secret keys are masked.
 */
@Command(name = "config",
        description = "Print the effective configuration (defaults, file, environment, flags); secrets masked.")
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--show-origin",
            description = "Start each line with where its value came from (default, file, environment, flag).")
    private boolean showOrigin;

    @Option(names = "--markdown",
            description = "Print the table of every declared key (type, default, valid values, doc) as in the README.")
    private boolean markdown;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(ConfigDocs.markdownTable(ChurnConfig.CONFIG_DEF));
            out.flush();
            return 0;
        }
        final ConfigLoader.Loaded loaded = configOptions.loadWithOrigins();
        effectiveValues(loaded.config()).forEach((key, value) -> {
            final String line = key + "=" + SecretKeys.display(key, value);
            out.println(showOrigin ? loaded.origin(key).name().toLowerCase(Locale.ROOT) + "\t" + line
                    : line);
        });
        out.flush();
        return 0;
    }

    /** Declared keys with their parsed values, then the keys passed through to Kafka clients as given. */
    private static Map<String, String> effectiveValues(final ChurnConfig config) {
        final Map<String, String> values = new TreeMap<>();
        config.originals().forEach((key, value) -> values.put(key, render(value)));
        config.values().forEach((key, value) -> values.put(key, render(value)));
        return values;
    }

    private static String render(final Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Password) {
            return SecretKeys.MASK;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
