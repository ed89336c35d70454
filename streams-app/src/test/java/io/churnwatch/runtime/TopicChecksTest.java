package io.churnwatch.runtime;

import io.churnwatch.config.TopicsConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicChecksTest {

    private static final Map<String, TopicSpec> SPECS = specs();

    private static Map<String, TopicSpec> specs() {
        final Map<String, TopicSpec> byName = new HashMap<>();
        TopicSpec.of(ChurnConfig.defaults()).forEach(s -> byName.put(s.name(), s));
        return byName;
    }

    @Test
    void shouldFindNoProblemWhenTopicIsAsChurnwatchCreatesIt() {
        final TopicSpec usage = SPECS.get("product-usage");

        assertThat(TopicChecks.problems(usage, usage.partitions(), usage.configs())).isEmpty();
    }

    @Test
    void shouldReportTooFewPartitionsWhenTopicHasFewerThanConfigured() {
        final TopicSpec usage = SPECS.get("product-usage");

        assertThat(TopicChecks.problems(usage, usage.partitions() - 1, usage.configs()))
                .singleElement().asString().startsWith("has " + (usage.partitions() - 1) + " partitions, fewer than "
                        + TopicsConfig.PARTITIONS + "=" + usage.partitions());
    }

    @Test
    void shouldReportPolicyWhenTableTopicOnlyDeletes() {
        final TopicSpec accounts = SPECS.get("accounts");

        assertThat(TopicChecks.problems(accounts, accounts.partitions(),
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)))
                .singleElement().asString().startsWith("cleanup.policy is delete, churnwatch needs compact");
    }

    @Test
    void shouldReportPolicyWhenEventTopicCompacts() {
        final TopicSpec usage = SPECS.get("product-usage");

        assertThat(TopicChecks.problems(usage, usage.partitions(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                "compact,delete", TopicConfig.RETENTION_MS_CONFIG, "-1")))
                .singleElement().asString().startsWith("cleanup.policy is compact,delete");
    }

    @Test
    void shouldReportRetentionWhenEventTopicKeepsLessThanConfigured() {
        final TopicSpec usage = SPECS.get("product-usage");

        assertThat(TopicChecks.problems(usage, usage.partitions(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete",
                TopicConfig.RETENTION_MS_CONFIG, "604800000")))
                .singleElement().asString().startsWith("retention.ms is 604800000, shorter than");
    }

    @Test
    void shouldAcceptInfiniteRetentionWhenConfiguredRetentionIsFinite() {
        final TopicSpec usage = SPECS.get("product-usage");

        assertThat(TopicChecks.problems(usage, usage.partitions(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete",
                TopicConfig.RETENTION_MS_CONFIG, "-1"))).isEmpty();
    }
}
