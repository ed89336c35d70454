package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.config.ChurnConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String KEY = ChurnConfig.BOOTSTRAP_SERVERS;

    @TempDir
    private Path dir;

    @Test
    void shouldUseDeclaredDefaultWhenNoLayerSetsKey() {
        final ConfigLoader.Loaded loaded = ConfigLoader.load(null, Map.of(), Map.of());

        assertThat(loaded.config().getList(KEY)).isEqualTo(ChurnConfig.defaults().getList(KEY));
        assertThat(loaded.origin(KEY)).isEqualTo(ConfigLoader.Source.DEFAULT);
    }

    @Test
    void shouldTakeFileValueOverDefaultWhenFileSetsKey() throws IOException {
        final ConfigLoader.Loaded loaded = ConfigLoader.load(file(KEY + "=file:9092"), Map.of(), Map.of());

        assertThat(loaded.config().getList(KEY)).containsExactly("file:9092");
        assertThat(loaded.origin(KEY)).isEqualTo(ConfigLoader.Source.FILE);
    }

    @Test
    void shouldTakeEnvironmentOverFileWhenBothSetKey() throws IOException {
        final ConfigLoader.Loaded loaded = ConfigLoader.load(file(KEY + "=file:9092"),
                Map.of("CHURNWATCH_BOOTSTRAP_SERVERS", "env:9092"), Map.of());

        assertThat(loaded.config().getList(KEY)).containsExactly("env:9092");
        assertThat(loaded.origin(KEY)).isEqualTo(ConfigLoader.Source.ENVIRONMENT);
    }

    @Test
    void shouldTakeFlagOverEnvironmentAndFileWhenAllSetKey() throws IOException {
        final ConfigLoader.Loaded loaded = ConfigLoader.load(file(KEY + "=file:9092"),
                Map.of("CHURNWATCH_BOOTSTRAP_SERVERS", "env:9092"), Map.of(KEY, "flag:9092"));

        assertThat(loaded.config().getList(KEY)).containsExactly("flag:9092");
        assertThat(loaded.origin(KEY)).isEqualTo(ConfigLoader.Source.FLAG);
    }

    @Test
    void shouldMapPrefixedVariableToLowerCaseDottedKeyWhenReadingEnvironment() {
        assertThat(ConfigLoader.fromEnvironment(Map.of("CHURNWATCH_NUM_STANDBY_REPLICAS", "1")))
                .containsExactly(Map.entry("num.standby.replicas", "1"));
    }

    @Test
    void shouldIgnoreVariablesWithoutPrefixOrKeyWhenReadingEnvironment() {
        assertThat(ConfigLoader.fromEnvironment(Map.of("PATH", "/bin", "CHURNWATCH_", "x", "churnwatch_a", "y")))
                .isEmpty();
    }

    @Test
    void shouldPassUndeclaredKeyThroughWhenLoading() {
        final ConfigLoader.Loaded loaded = ConfigLoader.load(null, Map.of(), Map.of("security.protocol", "SSL"));

        assertThat(loaded.config().originals()).containsEntry("security.protocol", "SSL");
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void shouldWarnNamingLikelyKeyWhenKeyLooksLikeMisspelledChurnwatchKey() {
        final ConfigLoader.Loaded loaded = ConfigLoader.load(null, Map.of(), Map.of("topic.usgae", "events"));

        assertThat(loaded.warnings()).singleElement().asString()
                .contains("'topic.usgae'").contains("'" + ChurnConfig.TOPIC_USAGE + "'");
    }

    @Test
    void shouldNotWarnWhenKeyIsPrefixedStreamsClientKey() {
        final ConfigLoader.Loaded loaded = ConfigLoader.load(null, Map.of(),
                Map.of("producer.linger.ms", "5", "main.consumer.max.poll.records", "100"));

        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void shouldThrowNamingKeyWhenValueInvalid() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of(ChurnConfig.NUM_STANDBY_REPLICAS, "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ChurnConfig.NUM_STANDBY_REPLICAS);
    }

    @Test
    void shouldThrowNamingFileWhenFileMissing() {
        final Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldReadUtf8ValuesWhenReadingFile() throws IOException {
        assertThat(ConfigLoader.readFile(file("scoring.version=räte-v2", "# comment", "topic.usage = usage")))
                .containsEntry("scoring.version", "räte-v2")
                .containsEntry("topic.usage", "usage")
                .hasSize(2);
    }

    private Path file(final String... lines) throws IOException {
        return Files.write(dir.resolve("churnwatch.properties"), List.of(lines), StandardCharsets.UTF_8);
    }
}
