package io.churnwatch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ConfigDocs;
import io.churnwatch.connect.billing.BillingCdcConfig;
import io.churnwatch.connect.postgres.PostgresSinkConfig;
import io.churnwatch.connect.webhook.WebhookSinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The configuration tables of {@code connectors/README.md} are the ones generated from the ConfigDefs. */
class ConnectorReadmeTest {

    private static final Path README = Path.of(System.getProperty("basedir", "."), "README.md");

    static String begin(final String name) {
        return "<!-- " + name + "-config-table:begin (generated from its ConfigDef; ConnectorReadmeTest prints it) -->";
    }

    static String end(final String name) {
        return "<!-- " + name + "-config-table:end -->";
    }

    private static void assertTable(final String name, final ConfigDef def) throws IOException {
        final String readme = Files.readString(README);
        final int from = readme.indexOf(begin(name));
        final int to = readme.indexOf(end(name));
        assertThat(from).as("markers %s in %s", begin(name), README).isNotNegative();
        assertThat(to).isGreaterThan(from);

        assertThat(readme.substring(from + begin(name).length(), to).strip())
                .as("the %s table of connectors/README.md; replace it with the expected text", name)
                .isEqualTo(ConfigDocs.markdownTable(def).strip());
    }

    @Test
    void shouldDocumentEveryWebhookKeyWhenTheTableIsRegenerated() throws IOException {
        assertTable("webhook", WebhookSinkConfig.CONFIG_DEF);
    }

    @Test
    void shouldDocumentEveryPostgresKeyWhenTheTableIsRegenerated() throws IOException {
        assertTable("postgres", PostgresSinkConfig.CONFIG_DEF);
    }

    @Test
    void shouldDocumentEveryBillingCdcKeyWhenTheTableIsRegenerated() throws IOException {
        assertTable("billing-cdc", BillingCdcConfig.CONFIG_DEF);
    }
}
