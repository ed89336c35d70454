package io.churnwatch.topology;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.signals.AccountEngine;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The churnwatch pipeline as a pure function of configuration and serdes: no I/O, no {@code KafkaStreams}.
 *
 * <pre>
 *  product-usage ──┐                                           ┌─▶ churn-risk-alerts   (ChurnRiskAlert)
 *  support-tickets ┼─ decode ▸ validate ─▶ account-engine ─────┤
 *  billing ────────┤      │                 ▲ (account-state,  └─▶ account-health      (HealthScoreUpdate)
 *  profile-facts ──┘      │                   deadline-index, cohort-stats, accounts-store)
 *  accounts ─ decode ▸ validate ─┬▶ accounts-store
 *                         │      └▶ profile-facts (each change kept in the account's state)
 *                         └─▶ churnwatch-dlq (original bytes + reason/source headers)
 * </pre>
 *
 * <p>All four input topics are keyed by account id and must be co-partitioned: one task owns an account's
 * events, profile, state and deadline. Every node, store and branch is named, so store, changelog and
 * repartition names stay stable across releases: changing a name below breaks upgrades of running apps.
 */
public final class ChurnTopology {

    public static final String ACCOUNTS_STORE = "accounts-store";
    public static final String ACCOUNT_STATE_STORE = "account-state";
    public static final String DEADLINE_INDEX_STORE = "deadline-index";
    public static final String COHORTS_STORE = "cohort-stats";
    /**
     * Gauge on the metrics' registry: how many tasks have a deadline sweep not finished yet (see
     * {@link SweepSettings#maxAccounts()}). A run that stops once its input is consumed (a replay) waits for 0,
     * or it misses the outputs of the rest of its last sweep.
     */
    public static final String SWEEPS_PENDING_GAUGE = "churnwatch.sweeps.pending";

    private ChurnTopology() {
    }

    /** The topology with meters kept in memory. */
    public static Topology build(final ChurnConfig config, final ChurnSerdes serdes) {
        return build(config, ChurnTopics.of(config, serdes), ChurnMetrics.inMemory());
    }

    public static Topology build(final ChurnConfig config, final ChurnTopics topics, final ChurnMetrics metrics) {
        final StreamsBuilder builder = new StreamsBuilder();
        final Inputs inputs = new Inputs(builder, topics.deadLetters(), metrics,
                Duration.ofMillis(config.getLong(ChurnConfig.INPUT_MAX_FUTURE_MS)),
                config.getLong(ChurnConfig.INPUT_UNTIL_MS));

        final KStream<String, AccountProfile> profiles = inputs.read(topics.accounts(), "accounts", true);
        profiles.toTable(Named.as("accounts-table"),
                        Materialized.<String, AccountProfile, KeyValueStore<Bytes, byte[]>>as(ACCOUNTS_STORE)
                                .withKeySerde(topics.accounts().keySerde())
                                .withValueSerde(topics.accounts().valueSerde()));

        // The account state is cached: an account written several times within a commit interval costs one
        // RocksDB write and one changelog record when the cache is flushed (at the commit), not one per write.
        // The deadline index is not: each of its entries is written once and removed a deadline later, so a
        // cache would only add its bookkeeping, and a merge with the store to every sweep's range scan.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ACCOUNT_STATE_STORE), Serdes.String(), TrackedAccount.serde())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DEADLINE_INDEX_STORE), Serdes.Bytes(), Serdes.ByteArray()));
        // One entry per cohort of the task, written on most usage days of its members: cached like account-state.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(COHORTS_STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        final Duration grace = config.signals().grace();

        // The account engine keeps each account's profile facts in its state, as the profiles reach it in the
        // order the table sees them: an event reads them with the state. The table serves interactive queries.
        final KStream<String, SpecificRecord> events = widen(inputs.read(topics.usage(), "usage", false), "usage")
                .merge(widen(inputs.read(topics.tickets(), "tickets", false), "tickets"), Named.as("merge-tickets"))
                .merge(widen(inputs.read(topics.billing(), "billing", false), "billing"), Named.as("merge-billing"))
                .merge(profiles.mapValues(value -> (SpecificRecord) value, Named.as("profile-facts")),
                        Named.as("merge-profiles"));

        final AccountEngine engine = new AccountEngine(config.signals(), config.scoringVersion());
        final SweepSettings sweeps = SweepSettings.of(config);
        final AtomicInteger sweepsPending = new AtomicInteger();
        Gauge.builder(SWEEPS_PENDING_GAUGE, sweepsPending, AtomicInteger::get)
                .description("Tasks whose deadline sweep is not finished yet (a burst is swept a bounded part at a time)")
                .register(metrics.registry());
        final Map<String, KStream<String, SpecificRecord>> outputs = events
                .process(() -> new AccountProcessor(engine, metrics, sweeps, grace, sweepsPending,
                                config.getInt(ChurnConfig.DECODED_ACCOUNTS)),
                        Named.as("account-engine"),
                        ACCOUNT_STATE_STORE, DEADLINE_INDEX_STORE, ACCOUNTS_STORE, COHORTS_STORE)
                .split(Named.as("output-"))
                .branch((id, value) -> value instanceof ChurnRiskAlert, Branched.as("alerts"))
                .branch((id, value) -> value instanceof HealthScoreUpdate, Branched.as("health"))
                .noDefaultBranch();

        outputs.get("output-alerts")
                .mapValues(value -> (ChurnRiskAlert) value, Named.as("as-alert"))
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                        .withName("alerts-sink"));
        outputs.get("output-health")
                .mapValues(value -> (HealthScoreUpdate) value, Named.as("as-health"))
                .to(topics.health().name(), Produced.with(topics.health().keySerde(), topics.health().valueSerde())
                        .withName("health-sink"));
        return builder.build();
    }

    private static <V extends SpecificRecord> KStream<String, SpecificRecord> widen(
            final KStream<String, V> stream, final String label) {
        return stream.mapValues(value -> (SpecificRecord) value, Named.as(label + "-event"));
    }

    /** Reads an input topic: decode, validate, dead-letter the rejects, pass on the rest. */
    private record Inputs(StreamsBuilder builder, Topic<byte[], byte[]> deadLetters, ChurnMetrics metrics,
                          Duration maxFuture, long untilMillis) {

        /**
         * @param table whether {@code topic} is the accounts table: tombstones are allowed, and records after the
         *              replayed period are dropped here (events after it go on to the account engine, which skips
         *              them once they moved its sweeps on)
         */
        <V extends SpecificRecord> KStream<String, V> read(final Topic<String, V> topic, final String label,
                                                            final boolean table) {
            final Map<String, KStream<String, Decoded<V>>> branches = builder
                    .stream(topic.name(), Consumed.with(topic.keySerde(), new DecodingSerde<>(topic.valueSerde()))
                            .withTimestampExtractor(new OccurredAtExtractor(maxFuture))
                            .withName(label + "-source"))
                    .processValues(() -> new InputValidator<V>(table, maxFuture, table ? untilMillis : -1, metrics),
                            Named.as(label + "-validate"))
                    .split(Named.as(label + "-"))
                    .branch((key, decoded) -> !decoded.isRejected(), Branched.as("valid"))
                    .defaultBranch(Branched.as("rejected"));
            branches.get(label + "-rejected")
                    .process(() -> new DeadLetterProcessor<V>(metrics), Named.as(label + "-dead-letter"))
                    .to(deadLetters.name(), Produced.with(deadLetters.keySerde(), deadLetters.valueSerde())
                            .withName(label + "-dlq-sink"));
            return branches.get(label + "-valid").mapValues(Decoded::value, Named.as(label + "-decoded"));
        }
    }
}
