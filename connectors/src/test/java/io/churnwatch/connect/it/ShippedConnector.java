package io.churnwatch.connect.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A connector JSON shipped in {@code connectors/config/} ({@code {"name": ..., "config": {...}}}), read so that
 * tests and the Connect demo create the connectors users create, changed only where the local stack differs
 * (addresses, credentials, replication factors).
 */
public record ShippedConnector(String name, Map<String, String> config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The module's {@code config/} directory. */
    public static Path directory() {
        return Path.of(System.getProperty("basedir", ".")).resolve("config");
    }

    /** {@code file} of {@link #directory()}, its config a mutable copy. */
    public static ShippedConnector read(final String file) {
        try {
            final JsonNode json = JSON.readTree(directory().resolve(file).toFile());
            return new ShippedConnector(json.path("name").asText(), new HashMap<>(JSON.convertValue(json.get("config"),
                    new TypeReference<Map<String, String>>() { })));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This connector with {@code changes} applied; a null value removes the key. */
    public ShippedConnector with(final Map<String, String> changes) {
        final Map<String, String> changed = new HashMap<>(config);
        changes.forEach((key, value) -> {
            if (value == null) {
                changed.remove(key);
            } else {
                changed.put(key, value);
            }
        });
        return new ShippedConnector(name, changed);
    }

    /** Creates it on {@code worker}. */
    public void create(final ConnectWorker worker) {
        worker.putConnector(name, config);
    }
}
