package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds churnwatch's effective configuration from its layers and validates it with {@link ChurnConfig}.
 *
 * <p>Layers, lowest precedence first: the defaults declared in {@link ChurnConfig#CONFIG_DEF}, a
 * {@code .properties} file, environment variables, command-line flags. An environment variable
 * {@code CHURNWATCH_SOME_KEY} sets {@code some.key}: the prefix is dropped, the rest lower-cased and every
 * {@code _} becomes {@code .}; variables without the prefix are ignored.
 *
 * <p>Keys churnwatch does not declare are kept and passed to the Kafka clients; {@link KnownKeys} names those
 * that look like a misspelled known key, as warnings of the result. Nothing here reads the process
 * environment or prints: callers pass the environment in and show the warnings.
 */
public final class ConfigLoader {

    public static final String ENV_PREFIX = "CHURNWATCH_";

    /** Where a value of the effective configuration came from. */
    public enum Source { DEFAULT, FILE, ENVIRONMENT, FLAG }

    /**
     * A validated configuration.
     *
     * @param config   the parsed, validated configuration
     * @param origins  each key given in a file, the environment or a flag, with the layer that won
     * @param warnings one line per suspicious key, e.g. a likely misspelling
     */
    public record Loaded(ChurnConfig config, Map<String, Source> origins, List<String> warnings) {

        /** The layer a key's value came from; {@link Source#DEFAULT} for a key nobody set. */
        public Source origin(final String key) {
            return origins.getOrDefault(key, Source.DEFAULT);
        }
    }

    private ConfigLoader() {
    }

    /**
     * Merges the layers and validates the result.
     *
     * @param file        the {@code --config} file, or {@code null} for none
     * @param environment environment variables, e.g. {@code System.getenv()}
     * @param flags       keys set on the command line
     * @throws ConfigException naming the key (or the file) when something is missing, unreadable or invalid
     */
    public static Loaded load(final Path file, final Map<String, String> environment,
                              final Map<String, String> flags) {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Source> origins = new TreeMap<>();
        if (file != null) {
            put(values, origins, readFile(file), Source.FILE);
        }
        put(values, origins, fromEnvironment(environment), Source.ENVIRONMENT);
        put(values, origins, flags, Source.FLAG);
        final ChurnConfig config = new ChurnConfig(values);
        return new Loaded(config, Collections.unmodifiableMap(origins), KnownKeys.warnings(values.keySet()));
    }

    /** The keys set by {@code CHURNWATCH_*} variables, e.g. {@code CHURNWATCH_BOOTSTRAP_SERVERS} → bootstrap.servers. */
    public static Map<String, String> fromEnvironment(final Map<String, String> environment) {
        final Map<String, String> keys = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                keys.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return keys;
    }

    /**
     * Reads a {@code .properties} file (UTF-8).
     *
     * @throws ConfigException naming the file when it is missing or unreadable
     */
    public static Map<String, String> readFile(final Path file) {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (final NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (final IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        final Map<String, String> keys = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> keys.put(key, properties.getProperty(key)));
        return keys;
    }

    private static void put(final Map<String, String> values, final Map<String, Source> origins,
                            final Map<String, String> layer, final Source source) {
        layer.forEach((key, value) -> {
            values.put(key, value);
            origins.put(key, source);
        });
    }
}
