package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.TopicsConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class TopicsCommandIT {

    private static final Object PARTITIONS =
            ChurnConfig.CONFIG_DEF.defaultValues().get(TopicsConfig.PARTITIONS);
    private static final Object RETENTION =
            ChurnConfig.CONFIG_DEF.defaultValues().get(TopicsConfig.INPUT_RETENTION_MS);

    private final EmbeddedKafka kafka;
    private final String prefix = "topics-" + UUID.randomUUID() + "-";

    TopicsCommandIT(final EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    private CliRun topics(final String sub) {
        return CliRun.run(Map.of("CHURNWATCH_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                RenamedTopics.with(prefix, "topics", sub));
    }

    @Test
    void shouldExitOneAndShowTopicsMissingWhenCheckingBeforeCreate() {
        final CliRun run = topics("check");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(7).allMatch(line -> line.matches(prefix + "\\w+ +missing"));
    }

    @Test
    void shouldShowCreatedTopicWithItsSettingsWhenCreating() {
        final CliRun run = topics("create");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).anyMatch(line -> line.matches(prefix + "usage +created +" + PARTITIONS
                + " partitions  cleanup.policy=delete retention.ms=" + RETENTION));
    }

    @Test
    void shouldExitZeroWhenCheckingAfterCreate() {
        topics("create");

        final CliRun run = topics("check");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out().lines()).allMatch(line -> line.matches(prefix + "\\w+ +exists +" + PARTITIONS
                + " partitions .*"));
    }

    @Test
    void shouldExitZeroWhenListingMissingTopics() {
        assertThat(topics("list").exitCode()).isZero();
    }
}
