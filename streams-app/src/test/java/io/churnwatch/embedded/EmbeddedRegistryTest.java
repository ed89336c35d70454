package io.churnwatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRegistryTest {
    private static final UnaryOperator<String> NOTHING_SET = name -> null;

    @TempDir
    Path dir;

    @Test
    void shouldUseSystemPropertyWhenPropertyAndEnvironmentAreBothSet() {
        final Path located = EmbeddedRegistry.locateRunnerJar(
                Map.of(EmbeddedRegistry.JAR_PROPERTY, "/from/property.jar")::get,
                Map.of(EmbeddedRegistry.JAR_ENV, "/from/env.jar")::get,
                dir);

        assertThat(located).isEqualTo(Path.of("/from/property.jar"));
    }

    @Test
    void shouldUseEnvironmentWhenSystemPropertyIsAbsent() {
        final Path located = EmbeddedRegistry.locateRunnerJar(
                NOTHING_SET, Map.of(EmbeddedRegistry.JAR_ENV, "/from/env.jar")::get, dir);

        assertThat(located).isEqualTo(Path.of("/from/env.jar"));
    }

    @Test
    void shouldFindRunnerJarOfTheCheckoutWhenRunFromAModuleDirectory() throws IOException {
        final Path jar = dir.resolve("registry/target/churnwatch-registry-runner.jar");
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);
        final Path moduleDir = Files.createDirectories(dir.resolve("streams-app"));

        final Path located = EmbeddedRegistry.locateRunnerJar(NOTHING_SET, NOTHING_SET, moduleDir);

        assertThat(located).isEqualTo(jar.toAbsolutePath());
    }

    @Test
    void shouldFailWithOneLineBuildHintWhenRunnerJarIsMissing() {
        final Path missing = dir.resolve("missing-runner.jar");

        assertThatThrownBy(() -> EmbeddedRegistry.start(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("mvn -B install -pl registry")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
