package io.churnwatch.topology;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics churnwatch reads and writes, named by configuration. Keys are account ids as UTF-8 strings;
 * the dead-letter topic keeps the original key and value bytes.
 */
public record ChurnTopics(
        Topic<String, UsageEvent> usage,
        Topic<String, SupportTicketEvent> tickets,
        Topic<String, BillingEvent> billing,
        Topic<String, AccountProfile> accounts,
        Topic<String, HealthScoreUpdate> health,
        Topic<String, ChurnRiskAlert> alerts,
        Topic<byte[], byte[]> deadLetters) {

    public static ChurnTopics of(final ChurnConfig config, final ChurnSerdes serdes) {
        return new ChurnTopics(
                new Topic<>(config.getString(ChurnConfig.TOPIC_USAGE), Serdes.String(), serdes.usage()),
                new Topic<>(config.getString(ChurnConfig.TOPIC_TICKETS), Serdes.String(), serdes.tickets()),
                new Topic<>(config.getString(ChurnConfig.TOPIC_BILLING), Serdes.String(), serdes.billing()),
                new Topic<>(config.getString(ChurnConfig.TOPIC_ACCOUNTS), Serdes.String(), serdes.accounts()),
                new Topic<>(config.getString(ChurnConfig.TOPIC_HEALTH), Serdes.String(), serdes.health()),
                new Topic<>(config.getString(ChurnConfig.TOPIC_ALERTS), Serdes.String(), serdes.alerts()),
                new Topic<>(config.getString(ChurnConfig.TOPIC_DLQ), Serdes.ByteArray(), Serdes.ByteArray()));
    }

    /** A copy whose output topics carry a prefix, for a replay writing beside the live outputs. */
    public ChurnTopics withOutputPrefix(final String prefix) {
        return new ChurnTopics(usage, tickets, billing, accounts, prefixed(prefix, health), prefixed(prefix, alerts),
                prefixed(prefix, deadLetters));
    }

    private static <K, V> Topic<K, V> prefixed(final String prefix, final Topic<K, V> topic) {
        return new Topic<>(prefix + "." + topic.name(), topic.keySerde(), topic.valueSerde());
    }
}
