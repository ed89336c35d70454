package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Tells configuration keys churnwatch or the Kafka clients understand from keys that are probably typos.
 *
 * <p>A key is known when churnwatch declares it, when a Kafka producer, consumer, admin client or Streams
 * declares it, or when it is one of those behind a Kafka Streams client prefix ({@code producer.},
 * {@code main.consumer.}, ...). An unknown key within a small edit distance of a known one gets a warning
 * naming the likely intended key; other unknown keys (settings of custom client plug-ins, Streams'
 * {@code topic.*} settings of internal topics) pass through silently.
 */
final class KnownKeys {

    private static final Set<String> CHURNWATCH = new TreeSet<>(ChurnConfig.CONFIG_DEF.names());
    private static final Set<String> KAFKA = kafkaKeys();
    private static final List<String> STREAMS_PREFIXES = List.of(StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    private KnownKeys() {
    }

    /** One warning per key that is unknown but close to a known key, in key order. */
    static List<String> warnings(final Collection<String> keys) {
        return keys.stream().sorted().flatMap(key -> suggestion(key).map(known -> String.format(
                Locale.ROOT, "unknown key '%s' (did you mean '%s'?); passed to Kafka clients as is",
                key, known)).stream()).toList();
    }

    /**
     * The known key {@code key} was probably meant to be, when it is unknown and close to one. {@code topic.*}
     * keys are checked too: that prefix is both churnwatch's (topic names) and Streams' (internal-topic settings).
     */
    static Optional<String> suggestion(final String key) {
        if (CHURNWATCH.contains(key) || KAFKA.contains(key) || isPrefixedClientKey(key)) {
            return Optional.empty();
        }
        return Stream.concat(CHURNWATCH.stream(), KAFKA.stream())
                .filter(known -> EditDistance.between(key, known) <= tolerance(known))
                .min(Comparator.comparingInt((String known) -> EditDistance.between(key, known))
                        .thenComparing(known -> !CHURNWATCH.contains(known)));
    }

    private static boolean isPrefixedClientKey(final String key) {
        return STREAMS_PREFIXES.stream().anyMatch(prefix -> key.startsWith(prefix)
                && KAFKA.contains(key.substring(prefix.length())));
    }

    private static int tolerance(final String known) {
        return known.length() >= 8 ? 2 : 1;
    }

    private static Set<String> kafkaKeys() {
        final Set<String> keys = new TreeSet<>(StreamsConfig.configDef().names());
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        return keys;
    }
}
