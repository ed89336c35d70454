package io.churnwatch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin ({@code target/churnwatch-connect-<version>.zip} and {@code target/plugin/}) carries the
 * contract, the serde and Avro, and none of what the worker provides or the stream processor needs: two copies
 * of kafka-clients or connect-api on a worker break class identity, and Kafka Streams, RocksDB or picocli would
 * only weigh.
 */
class PluginPackageIT {

    private static final List<String> NEEDED = List.of("churnwatch-connectors-", "churnwatch-serde-",
            "churnwatch-schemas-", "avro-", "jackson-databind-", "postgresql-");
    private static final List<String> FORBIDDEN = List.of("kafka-streams", "rocksdbjni", "picocli", "kafka-clients",
            "connect-api", "connect-runtime", "slf4j-api", "churnwatch-streams-app");

    private static List<String> zipJars() throws IOException {
        try (ZipFile zip = new ZipFile(System.getProperty("churnwatch.plugin.zip"))) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".jar")).map(name -> name.substring(name.lastIndexOf('/') + 1))
                    .sorted().toList();
        }
    }

    private static List<String> dirJars() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("churnwatch.plugin.dir")))) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".jar")).sorted().toList();
        }
    }

    @Test
    void shouldCarryTheContractAndSerdeWhenPackaged() throws IOException {
        final List<String> jars = zipJars();

        NEEDED.forEach(prefix -> assertThat(jars).as(prefix).anyMatch(jar -> jar.startsWith(prefix)));
    }

    @Test
    void shouldLeaveOutWhatTheWorkerProvidesWhenPackaged() throws IOException {
        final List<String> jars = zipJars();

        FORBIDDEN.forEach(prefix -> assertThat(jars).as(prefix).noneMatch(jar -> jar.startsWith(prefix)));
    }

    @Test
    void shouldHoldTheSameJarsInTheDirectoryAsInTheZipWhenBothAreBuilt() throws IOException {
        assertThat(dirJars()).isEqualTo(zipJars());
    }
}
