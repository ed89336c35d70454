package io.churnwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A docker-compose file read as a tree, with the few views of a service that the deploy checks need.
 *
 * <p>Compose accepts two spellings of several fields and both are read: {@code environment} as a map or as a
 * list of {@code KEY=VALUE}; {@code depends_on} as a list of services or as a map of service to condition
 * (a list means {@code service_started}); {@code ports} and {@code volumes} in short ({@code "A:B"}) or long
 * ({@code published}/{@code target}, {@code source}/{@code target}) form. Values are read as text, so
 * {@code KAFKA_NODE_ID: 1} and {@code KAFKA_NODE_ID: "1"} read alike. A missing field reads as empty.
 */
final class ComposeFile {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final JsonNode root;

    ComposeFile(final JsonNode root) {
        this.root = root;
    }

    /** The YAML tree of a file, to wrap as is or to copy and alter first. */
    static JsonNode readTree(final Path path) throws IOException {
        return YAML.readTree(path.toFile());
    }

    Set<String> serviceNames() {
        final Set<String> names = new LinkedHashSet<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(final String name) {
        return root.path("services").path(name);
    }

    /** The names other containers reach a service by: the service name and its {@code hostname}, if set. */
    Set<String> hostNames(final String name) {
        final Set<String> names = new LinkedHashSet<>();
        names.add(name);
        final JsonNode hostname = service(name).path("hostname");
        if (hostname.isTextual()) {
            names.add(hostname.asText());
        }
        return names;
    }

    Map<String, String> environment(final String name) {
        final JsonNode env = service(name).path("environment");
        final Map<String, String> result = new LinkedHashMap<>();
        if (env.isObject()) {
            env.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        } else {
            env.forEach(entry -> {
                final String text = entry.asText();
                final int eq = text.indexOf('=');
                result.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            });
        }
        return result;
    }

    /** Each published port as written in short form; a long-form entry reads as {@code "published:target"}. */
    List<String> ports(final String name) {
        final List<String> result = new ArrayList<>();
        service(name).path("ports").forEach(port -> result.add(port.isObject()
                ? port.path("published").asText() + ":" + port.path("target").asText()
                : port.asText()));
        return result;
    }

    /** The services this one waits for, each with its condition. */
    Map<String, String> dependsOn(final String name) {
        final JsonNode deps = service(name).path("depends_on");
        final Map<String, String> result = new LinkedHashMap<>();
        if (deps.isObject()) {
            deps.fields().forEachRemaining(e ->
                    result.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        } else {
            deps.forEach(dep -> result.put(dep.asText(), "service_started"));
        }
        return result;
    }

    /** The container paths a service mounts a volume or a bind mount on. */
    Set<String> volumeTargets(final String name) {
        final Set<String> result = new LinkedHashSet<>();
        service(name).path("volumes").forEach(volume -> {
            if (volume.isObject()) {
                result.add(volume.path("target").asText());
            } else {
                final String[] parts = volume.asText().split(":");
                result.add(parts.length > 1 ? parts[1] : parts[0]);
            }
        });
        return result;
    }

    /**
     * The bind mounts of a service: container path to host path as written ({@code ./deploy/x.yml}), without
     * an access mode such as {@code :ro}. Named volumes are not bind mounts.
     */
    Map<String, String> bindMounts(final String name) {
        final Map<String, String> result = new LinkedHashMap<>();
        service(name).path("volumes").forEach(volume -> {
            if (volume.isObject()) {
                if ("bind".equals(volume.path("type").asText())) {
                    result.put(volume.path("target").asText(), volume.path("source").asText());
                }
            } else {
                final String[] parts = volume.asText().split(":");
                if (parts.length > 1 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                    result.put(parts[1], parts[0]);
                }
            }
        });
        return result;
    }

    /** The {@code command} as a list of words; a string command is split on blanks. */
    List<String> command(final String name) {
        final JsonNode command = service(name).path("command");
        final List<String> words = new ArrayList<>();
        if (command.isArray()) {
            command.forEach(word -> words.add(word.asText()));
        } else if (command.isTextual()) {
            words.addAll(List.of(command.asText().trim().split("\\s+")));
        }
        return words;
    }
}
