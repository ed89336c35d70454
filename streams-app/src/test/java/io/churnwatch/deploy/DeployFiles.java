package io.churnwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The repository files a compose file mounts into containers (Prometheus and Grafana configuration, dashboards),
 * read as YAML trees (JSON is YAML too), by path relative to the repository root as the compose file writes it
 * ({@code ./deploy/prometheus/prometheus.yml}). A copy can replace one file's tree, so a test can break a file
 * without touching the repository.
 */
final class DeployFiles {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path root;
    private final Map<Path, JsonNode> replaced;

    DeployFiles(final Path root) {
        this(root, Map.of());
    }

    private DeployFiles(final Path root, final Map<Path, JsonNode> replaced) {
        this.root = root;
        this.replaced = replaced;
    }

    /** A copy that reads {@code tree} for {@code path}. */
    DeployFiles with(final String path, final JsonNode tree) {
        final Map<Path, JsonNode> copy = new HashMap<>(replaced);
        copy.put(resolve(path), tree);
        return new DeployFiles(root, copy);
    }

    /** The file's tree; empty when it does not exist or does not parse. */
    Optional<JsonNode> read(final String path) {
        final Path file = resolve(path);
        if (replaced.containsKey(file)) {
            return Optional.of(replaced.get(file));
        }
        try {
            return Files.isRegularFile(file) ? Optional.ofNullable(YAML.readTree(file.toFile())) : Optional.empty();
        } catch (final IOException e) {
            return Optional.empty();
        }
    }

    boolean isDirectory(final String path) {
        return Files.isDirectory(resolve(path));
    }

    /** The files directly in a directory whose names end with {@code suffix}, as paths relative to the root. */
    List<String> list(final String dir, final String suffix) {
        try (Stream<Path> files = Files.list(resolve(dir))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted()
                    .map(f -> root.relativize(f).toString()).toList();
        } catch (final IOException e) {
            return List.of();
        }
    }

    private Path resolve(final String path) {
        return root.resolve(path).normalize();
    }
}
