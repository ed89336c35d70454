package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The configuration options every churnwatch command shares (a picocli mixin: {@code @Mixin ConfigOptions}).
 *
 * <p>Precedence, highest first: flags ({@code --bootstrap-servers} and {@code --schema-registry-url} over
 * {@code --set}), {@code CHURNWATCH_*} environment variables, the {@code --config} file, the defaults of
 * {@link ChurnConfig}. {@link #load()} validates the result and prints warnings about suspicious keys on the
 * command's error stream.
 */
public final class ConfigOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--config", paramLabel = "<file>",
            description = "Properties file of configuration keys.")
    private Path file;

    @Option(names = "--set", paramLabel = "<key=value>",
            description = "Set any configuration key, including Kafka client keys; repeatable.")
    private Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--bootstrap-servers", paramLabel = "<host:port,...>",
            description = "Kafka brokers to connect to (bootstrap.servers).")
    private String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "<url>",
            description = "Schema registry base URL (schema.registry.url).")
    private String schemaRegistryUrl;

    /**
     * The validated configuration.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key or file at fault
     */
    public ChurnConfig load() {
        return loadWithOrigins().config();
    }

    /** The validated configuration and where each value came from; warnings are printed. */
    public ConfigLoader.Loaded loadWithOrigins() {
        final ConfigLoader.Loaded loaded = ConfigLoader.load(file, environment(), flags());
        final PrintWriter err = mixee.commandLine().getErr();
        loaded.warnings().forEach(warning -> err.println("churnwatch: warning: " + warning));
        err.flush();
        return loaded;
    }

    private Map<String, String> flags() {
        final Map<String, String> flags = new LinkedHashMap<>(sets);
        if (bootstrapServers != null) {
            flags.put(ChurnConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            flags.put(ChurnConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        return flags;
    }

    private Map<String, String> environment() {
        return mixee.root().userObject() instanceof ChurnwatchCommand root ? root.environment() : System.getenv();
    }
}
