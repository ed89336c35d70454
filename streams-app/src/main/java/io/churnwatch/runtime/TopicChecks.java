package io.churnwatch.runtime;

import io.churnwatch.config.TopicsConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How an existing topic differs from what churnwatch needs: fewer partitions than configured, another cleanup
 * policy (an event topic that compacts loses events; a table topic that only deletes loses accounts), or a
 * shorter retention (a replay would miss history). Each difference is one line.
 */
final class TopicChecks {

    /** The topic settings that are read and checked. */
    static final Set<String> CHECKED = Set.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.RETENTION_MS_CONFIG,
            TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG);

    private static final long FOREVER = -1;

    private TopicChecks() {
    }

    static List<String> problems(final TopicSpec spec, final int partitions, final Map<String, String> actual) {
        final List<String> problems = new ArrayList<>();
        if (partitions < spec.partitions()) {
            problems.add(String.format(Locale.ROOT, "has %d partitions, fewer than %s=%d (left as is: adding "
                    + "partitions would move accounts to other partitions)", partitions, TopicsConfig.PARTITIONS,
                    spec.partitions()));
        }
        final String policy = actual.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "");
        final boolean compacts = policies(policy).contains(TopicConfig.CLEANUP_POLICY_COMPACT);
        final boolean wantsCompaction = TopicConfig.CLEANUP_POLICY_COMPACT.equals(spec.cleanupPolicy());
        if (compacts != wantsCompaction) {
            problems.add("cleanup.policy is " + policy + ", churnwatch needs " + spec.cleanupPolicy()
                    + (wantsCompaction ? " (a table of the latest value per account)" : " (every event is kept)"));
        }
        final String wanted = spec.configs().get(TopicConfig.RETENTION_MS_CONFIG);
        final String retention = actual.get(TopicConfig.RETENTION_MS_CONFIG);
        if (wanted != null && retention != null && shorter(Long.parseLong(retention), Long.parseLong(wanted))) {
            problems.add("retention.ms is " + retention + ", shorter than the " + wanted + " churnwatch sets");
        }
        return problems;
    }

    private static boolean shorter(final long actual, final long wanted) {
        return actual != FOREVER && (wanted == FOREVER || actual < wanted);
    }

    private static List<String> policies(final String policy) {
        return Arrays.stream(policy.split(",")).map(String::strip).toList();
    }
}
