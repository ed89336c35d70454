package io.churnwatch.connect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.connect.it.ConnectWorker;
import io.churnwatch.connect.it.ReplayedRun;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL sink on real parts: a replayed history's alert and health topics read by a real distributed
 * Connect worker (through {@code ChurnwatchAvroConverter}) and upserted into a real PostgreSQL by two connectors
 * configured as {@code connectors/config/postgres-*.json} are. The tables must end equal to the topics: each
 * alert at its latest revision, each account at its latest health.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSinkIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(150).withDays(70)
            .withSeed(20_261_207L);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final EmbeddedKafka kafka;
    private ReplayedRun run;
    private EmbeddedPostgres postgres;
    private ConnectWorker worker;

    PostgresSinkIT(final EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    @BeforeAll
    void upsertARunsOutputs() throws InterruptedException {
        run = ReplayedRun.of(kafka, "postgres", HISTORY);
        postgres = TestPostgres.start();
        worker = ConnectWorker.start(kafka.bootstrapServers(), "connect-" + UUID.randomUUID().toString().substring(0, 8),
                run.registryUrl(), Map.of());
        final long started = System.nanoTime();
        worker.putConnector("pg-alerts", connector(run.alertsTopic(), "churn_risk_alerts", "alertId", "revision"));
        worker.putConnector("pg-health", connector(run.healthTopic(), "account_health", "accountId", "asOf"));
        // Health is updated thousands of times: row counts match long before the rows do.
        await("tables equal to the topics").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> storedAlerts().equals(expectedAlerts()) && storedHealth().equals(expectedHealth()));
        System.out.printf(Locale.ROOT, "PostgresSinkIT: %d alert and %d health records upserted into %d + %d rows, "
                        + "tables equal to the topics %.1f s after connector creation%n", run.outputs().alerts().size(),
                run.outputs().health().size(), latestAlerts().size(), latestHealth().size(),
                (System.nanoTime() - started) / 1e9);
    }

    private Map<String, String> connector(final String topic, final String table, final String key,
                                          final String version) {
        final Map<String, String> config = new HashMap<>();
        config.put("connector.class", PostgresSinkConnector.class.getName());
        config.put("tasks.max", "2");
        config.put("topics", topic);
        config.put(PostgresSinkConfig.URL, postgres.getJdbcUrl("postgres", "postgres"));
        config.put(PostgresSinkConfig.TABLE_FORMAT, table);
        config.put(PostgresSinkConfig.KEY_FIELD, key);
        config.put(PostgresSinkConfig.VERSION_FIELD, version);
        return config;
    }

    @AfterAll
    void stop() throws IOException {
        if (worker != null) {
            worker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (run != null) {
            run.close();
        }
    }

    private Map<String, ChurnRiskAlert> latestAlerts() {
        return run.outputs().alerts().stream().map(ConsumerRecord::value).collect(Collectors.toMap(
                ChurnRiskAlert::getAlertId, a -> a, latest(Comparator.comparingInt(ChurnRiskAlert::getRevision))));
    }

    private Map<String, HealthScoreUpdate> latestHealth() {
        return run.outputs().health().stream().map(ConsumerRecord::value).collect(Collectors.toMap(
                HealthScoreUpdate::getAccountId, h -> h, latest(Comparator.comparing(HealthScoreUpdate::getAsOf))));
    }

    private static <T> BinaryOperator<T> latest(final Comparator<T> order) {
        return (a, b) -> order.compare(a, b) > 0 ? a : b;
    }

    /** The first column of each row by the second. */
    private Map<String, String> query(final String sql) throws SQLException {
        final Map<String, String> rows = new HashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(2), rs.getString(1));
            }
        }
        return rows;
    }

    private Map<String, String> storedAlerts() throws SQLException {
        return query("SELECT revision || ':' || status || ':' || severity, alert_id FROM churn_risk_alerts");
    }

    private Map<String, String> expectedAlerts() {
        return latestAlerts().values().stream().collect(Collectors.toMap(
                ChurnRiskAlert::getAlertId, a -> a.getRevision() + ":" + a.getStatus() + ":" + a.getSeverity()));
    }

    private Map<String, String> storedHealth() throws SQLException {
        return query("SELECT score || '@' || (extract(epoch FROM as_of) * 1000)::bigint, account_id FROM account_health");
    }

    private Map<String, String> expectedHealth() {
        return latestHealth().values().stream().collect(Collectors.toMap(
                HealthScoreUpdate::getAccountId, h -> h.getScore() + "@" + h.getAsOf().toEpochMilli()));
    }

    @Test
    void shouldHoldEveryAlertAtItsLatestRevisionWhenTheTopicIsUpserted() throws SQLException {
        assertThat(run.outputs().alerts().size()).as("alerts were revised").isGreaterThan(expectedAlerts().size());
        assertThat(storedAlerts()).isEqualTo(expectedAlerts());
    }

    @Test
    void shouldHoldEachAccountsLatestHealthWhenTheTopicIsUpserted() throws SQLException {
        assertThat(run.outputs().health().size()).as("health was updated").isGreaterThan(expectedHealth().size());
        assertThat(storedHealth()).isEqualTo(expectedHealth());
    }

    @Test
    void shouldKeepTheNestedFieldsQueryableWhenTheyAreStoredAsJson() throws SQLException {
        final Map<String, String> topSignals = query("SELECT reasons->0->>'signal', alert_id FROM churn_risk_alerts");

        assertThat(topSignals).isNotEmpty().allSatisfy((alertId, signal) -> assertThat(signal)
                .isEqualTo(latestAlerts().get(alertId).getReasons().isEmpty() ? null
                        : latestAlerts().get(alertId).getReasons().get(0).getSignal().name()));
    }
}
