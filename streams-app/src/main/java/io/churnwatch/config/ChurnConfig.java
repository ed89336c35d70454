package io.churnwatch.config;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Every churnwatch setting, declared once with its type, default, validator and documentation.
 *
 * <p>Infrastructure keys (cluster, registry, topic names) are declared here; the thresholds, windows and
 * weights of the signals by {@link SignalsConfig}, the settings of created topics by {@link TopicsConfig}, both
 * merged into the same definition, so one {@link #CONFIG_DEF} validates a whole configuration at start-up and
 * renders the README's table.
 *
 * <p>Keys that churnwatch does not declare but Kafka clients understand ({@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}, ...) are kept in {@link #originals()} and passed through to every client.
 */
public final class ChurnConfig extends AbstractConfig {

    public static final String APPLICATION_ID = "application.id";
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String STATE_DIR = "state.dir";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    public static final String NUM_STANDBY_REPLICAS = "num.standby.replicas";
    public static final String SCORING_VERSION = "scoring.version";
    public static final String INPUT_MAX_FUTURE_MS = "input.max.future.ms";
    public static final String SWEEP_INTERVAL_MS = "deadline.sweep.interval.ms";
    public static final String SWEEP_MAX_ACCOUNTS = "deadline.sweep.max.accounts";
    public static final String INPUT_UNTIL_MS = "input.until.ms";
    public static final String DECODED_ACCOUNTS = "account.state.decoded.max";
    public static final String HTTP_BIND_ADDRESS = "http.bind.address";
    public static final String HTTP_PORT = "http.port";
    public static final String LAG_WATCH_GROUPS = "lag.watch.groups";
    public static final String LAG_REFRESH_MS = "lag.refresh.interval.ms";
    public static final String CENSUS_INTERVAL_MS = "accounts.census.interval.ms";

    public static final String TOPIC_USAGE = "topic.usage";
    public static final String TOPIC_TICKETS = "topic.tickets";
    public static final String TOPIC_BILLING = "topic.billing";
    public static final String TOPIC_ACCOUNTS = "topic.accounts";
    public static final String TOPIC_HEALTH = "topic.health";
    public static final String TOPIC_ALERTS = "topic.alerts";
    public static final String TOPIC_DLQ = "topic.dlq";

    private static final ConfigDef.Validator NON_BLANK = new ConfigDef.NonEmptyStringWithoutControlChars();

    public static final ConfigDef CONFIG_DEF = TopicsConfig.define(SignalsConfig.define(new ConfigDef()
            .define(APPLICATION_ID, Type.STRING, "churnwatch", NON_BLANK, Importance.HIGH,
                    "Kafka Streams application id: consumer group, and prefix of internal topics and state.")
            .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", Importance.HIGH,
                    "Kafka brokers to connect to (host:port, comma separated).")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", NON_BLANK, Importance.HIGH,
                    "Base URL of a registry speaking the Confluent Schema Registry REST API.")
            .define(STATE_DIR, Type.STRING, ".churnwatch/state", NON_BLANK, Importance.MEDIUM,
                    "Directory of the local state stores (RocksDB); relative paths are taken from the working directory.")
            .define(PROCESSING_GUARANTEE, Type.STRING, "exactly_once_v2",
                    ConfigDef.ValidString.in("exactly_once_v2", "at_least_once"), Importance.MEDIUM,
                    "Kafka Streams processing guarantee.")
            .define(NUM_STANDBY_REPLICAS, Type.INT, 0, ConfigDef.Range.between(0, 10), Importance.LOW,
                    "Standby replicas of each state store, for faster fail-over.")
            .define(SCORING_VERSION, Type.STRING, "v2", NON_BLANK, Importance.MEDIUM,
                    "Version label written on every health update and alert, to tell scoring rules apart.")
            .define(INPUT_MAX_FUTURE_MS, Type.LONG, Duration.ofDays(1).toMillis(), ConfigDef.Range.atLeast(0),
                    Importance.LOW, "An input record whose occurredAt is more than this many ms after the record's "
                            + "Kafka timestamp is dead-lettered (reason future-timestamp).")
            .define(SWEEP_INTERVAL_MS, Type.LONG, Duration.ofMinutes(1).toMillis(), ConfigDef.Range.atLeast(1),
                    Importance.LOW, "How often, in stream time (ms), accounts whose deadline passed are re-evaluated "
                            + "(silence, declines, unrecovered payments). Results do not depend on it; only latency.")
            .define(SWEEP_MAX_ACCOUNTS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Most due accounts one sweep re-evaluates at once, per task; the rest follow in the next sweeps, "
                            + "at least once a second, so a burst (every account's daily re-evaluation after midnight) "
                            + "never holds one transaction open for long. Results do not depend on it; only when "
                            + "the outputs of a burst are emitted.")
            .define(DECODED_ACCOUNTS, Type.INT, 10_000, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Most recently used account states each task keeps decoded in memory, in front of the "
                            + "account-state store (written through at once: the store always has every change), so "
                            + "reading one again decodes nothing. 0: none kept.")
            .define(INPUT_UNTIL_MS, Type.LONG, -1L, ConfigDef.Range.atLeast(-1), Importance.LOW,
                    "Input records with an event time at or after this (epoch ms) are skipped: the end of a replayed "
                            + "period (replay --to sets it). -1: no end.")
            .define(HTTP_BIND_ADDRESS, Type.STRING, "127.0.0.1", NON_BLANK, Importance.MEDIUM,
                    "Address the HTTP server (metrics, health, account queries) listens on; 0.0.0.0 for every "
                            + "interface (in a container).")
            .define(HTTP_PORT, Type.INT, 8080, ConfigDef.Range.between(0, 65_535), Importance.MEDIUM,
                    "Port of the HTTP server; 0 picks a free one.")
            .define(LAG_WATCH_GROUPS, Type.LIST, "", ConfigDef.ValidList.anyNonDuplicateValues(true, false),
                    Importance.LOW, "Consumer groups of churnwatch's readers (e.g. a CRM sink) whose lag is exported "
                            + "on the topics they committed offsets for, beside churnwatch's own lag on its inputs.")
            .define(LAG_REFRESH_MS, Type.LONG, Duration.ofSeconds(15).toMillis(), ConfigDef.Range.atLeast(100),
                    Importance.LOW, "How often (ms) consumer lag is read from the cluster for the lag gauges.")
            .define(CENSUS_INTERVAL_MS, Type.LONG, Duration.ofMinutes(1).toMillis(), ConfigDef.Range.atLeast(100),
                    Importance.LOW, "How often (ms) the accounts in this instance's state are counted per health band "
                            + "for the band gauges: one pass over the local account-state store.")
            .define(TOPIC_USAGE, Type.STRING, "product-usage", NON_BLANK, Importance.MEDIUM,
                    "Input topic of UsageEvent records.")
            .define(TOPIC_TICKETS, Type.STRING, "support-tickets", NON_BLANK, Importance.MEDIUM,
                    "Input topic of SupportTicketEvent records.")
            .define(TOPIC_BILLING, Type.STRING, "billing", NON_BLANK, Importance.MEDIUM,
                    "Input topic of BillingEvent records.")
            .define(TOPIC_ACCOUNTS, Type.STRING, "accounts", NON_BLANK, Importance.MEDIUM,
                    "Compacted input topic of AccountProfile records.")
            .define(TOPIC_HEALTH, Type.STRING, "account-health", NON_BLANK, Importance.MEDIUM,
                    "Compacted output topic of HealthScoreUpdate records.")
            .define(TOPIC_ALERTS, Type.STRING, "churn-risk-alerts", NON_BLANK, Importance.MEDIUM,
                    "Output topic of ChurnRiskAlert records.")
            .define(TOPIC_DLQ, Type.STRING, "churnwatch-dlq", NON_BLANK, Importance.MEDIUM,
                    "Dead-letter topic: input records that could not be processed, with the reason in headers.")));

    private final SignalsConfig signals;

    /**
     * Parses and validates a configuration.
     *
     * @throws ConfigException naming the offending key when a value is missing or invalid
     */
    public ChurnConfig(final Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
        this.signals = new SignalsConfig(this);
    }

    /** A configuration with every default. */
    public static ChurnConfig defaults() {
        return new ChurnConfig(Map.of());
    }

    public SignalsConfig signals() {
        return signals;
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    public String scoringVersion() {
        return getString(SCORING_VERSION);
    }
}
