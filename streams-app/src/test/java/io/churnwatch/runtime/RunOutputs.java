package io.churnwatch.runtime;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a run published, as a read_committed consumer saw it: the alert, health and dead-letter records of its
 * output topics, each partition in offset order.
 *
 * <p>Every output is keyed by account, so one account's records are in one partition, in the order the
 * pipeline emitted them: {@link #alertsByAccount()} and {@link #healthByAccount()} keep that order, which makes
 * two runs comparable account by account whatever the interleaving of partitions.
 */
public record RunOutputs(List<ConsumerRecord<String, ChurnRiskAlert>> alerts,
                  List<ConsumerRecord<String, HealthScoreUpdate>> health,
                  List<ConsumerRecord<String, byte[]>> deadLetters) {

    /** An alert's identity for a CRM upserting on it: a second record with the same is a duplicate. */
    record AlertKey(String alertId, String status, long eventTimeMs, String severity) {
        static AlertKey of(final ChurnRiskAlert alert) {
            return new AlertKey(alert.getAlertId(), alert.getStatus().name(), alert.getEventTime().toEpochMilli(),
                    alert.getSeverity().name());
        }
    }

    /** A health update's identity: one score per account and event time. */
    record HealthKey(String accountId, long asOfMs) {
        static HealthKey of(final HealthScoreUpdate update) {
            return new HealthKey(update.getAccountId(), update.getAsOf().toEpochMilli());
        }
    }

    List<ChurnRiskAlert> alertValues() {
        return alerts.stream().map(ConsumerRecord::value).toList();
    }

    List<HealthScoreUpdate> healthValues() {
        return health.stream().map(ConsumerRecord::value).toList();
    }

    /** Each account's alerts in the order they were published. */
    Map<String, List<ChurnRiskAlert>> alertsByAccount() {
        return byKey(alerts);
    }

    /** Each account's health updates in the order they were published. */
    Map<String, List<HealthScoreUpdate>> healthByAccount() {
        return byKey(health);
    }

    /** Alert identities published more than once, with their counts. */
    Map<AlertKey, Long> duplicateAlerts() {
        return duplicates(alertValues(), AlertKey::of);
    }

    /** Health identities published more than once, with their counts. */
    Map<HealthKey, Long> duplicateHealthUpdates() {
        return duplicates(healthValues(), HealthKey::of);
    }

    private static <V> Map<String, List<V>> byKey(final List<ConsumerRecord<String, V>> records) {
        final Map<String, List<V>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
        return byKey;
    }

    private static <V, K> Map<K, Long> duplicates(final List<V> values, final Function<V, K> identity) {
        final Map<K, Long> counts = values.stream().collect(groupingBy(identity, counting()));
        counts.values().removeIf(count -> count < 2);
        return counts;
    }
}
