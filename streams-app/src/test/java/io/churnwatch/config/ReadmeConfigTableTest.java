package io.churnwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the one generated from the definitions: it cannot drift from them. */
class ReadmeConfigTableTest {

    private static final Path README = Path.of(System.getProperty("basedir", "."), "..", "README.md");

    @Test
    void shouldDocumentEveryKeyWhenTheReadmeTableIsRegenerated() throws IOException {
        final String readme = Files.readString(README);
        final int begin = readme.indexOf(ConfigDocs.BEGIN);
        final int end = readme.indexOf(ConfigDocs.END);
        assertThat(begin).as("config table markers in README.md").isNotNegative();
        assertThat(end).isGreaterThan(begin);

        final String table = readme.substring(begin + ConfigDocs.BEGIN.length(), end).strip();

        assertThat(table).as("README table; regenerate with `./churnwatch config --markdown`")
                .isEqualTo(ConfigDocs.markdownTable(ChurnConfig.CONFIG_DEF).strip());
    }

    @Test
    void shouldRenderOneRowPerKeyWhenATableIsGenerated() {
        final ConfigDef def = new ConfigDef()
                .define("a.key", ConfigDef.Type.INT, 3, ConfigDef.Range.atLeast(1), ConfigDef.Importance.LOW, "Doc | a")
                .define("b.key", ConfigDef.Type.STRING, ConfigDef.Importance.LOW, "Doc b");

        final String table = ConfigDocs.markdownTable(def);

        assertThat(table.lines()).hasSize(4);
        assertThat(table).contains("| `a.key` | int | `3` | [1,...] | Doc \\| a |")
                .contains("| `b.key` | string | (required) |");
    }
}
