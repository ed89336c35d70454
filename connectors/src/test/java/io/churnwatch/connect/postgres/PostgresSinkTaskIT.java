package io.churnwatch.connect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.connect.testing.ContractRecords;
import io.churnwatch.connect.testing.RecordingContext;
import io.churnwatch.serde.ContractSamples;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.Severity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The upsert task on a real PostgreSQL, one server for the class; the worker is a recording stand-in. Each test
 * has a task, a context and tables of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSinkTaskIT {

    private static final Instant DAY = Instant.parse("2026-02-01T00:00:00Z");

    private final ContractRecords records = new ContractRecords();
    private RecordingContext context;
    private PostgresSinkTask task;
    private String prefix;
    private EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @AfterEach
    void stopTask() {
        task.stop();
    }

    private void start(final String keyField, final String versionField) {
        prefix = "t" + UUID.randomUUID().toString().substring(0, 6) + "_";
        context = new RecordingContext(true);
        task = new PostgresSinkTask();
        task.initialize(context);
        task.start(Map.of(PostgresSinkConfig.URL, postgres.getJdbcUrl("postgres", "postgres"),
                PostgresSinkConfig.TABLE_FORMAT, prefix + "${topic}", PostgresSinkConfig.KEY_FIELD, keyField,
                PostgresSinkConfig.VERSION_FIELD, versionField, PostgresSinkConfig.RETRY_BACKOFF_MS, "50"));
    }

    private List<Map<String, Object>> rows(final String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            final List<Map<String, Object>> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                final Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void shouldCreateTheTableAndKeepTheLatestRevisionWhenAlertsAreUpserted() throws SQLException {
        start("alertId", "revision");

        task.put(List.of(records.alert("acct-1", 1, Severity.LOW, 0), records.alert("acct-1", 3, Severity.HIGH, 1),
                records.alert("acct-2", 1, Severity.MEDIUM, 2)));
        task.put(List.of(records.alert("acct-1", 2, Severity.MEDIUM, 3)));

        final List<Map<String, Object>> rows = rows("SELECT account_id, revision, severity, reasons->1->>'signal' AS r,"
                + " evidence->>'daysWithoutUsage' AS d, opened_at FROM " + prefix + "churn_risk_alerts ORDER BY 1");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("account_id", "acct-1").containsEntry("revision", 3)
                .containsEntry("severity", "HIGH").containsEntry("r", "SILENCE").containsEntry("d", "12");
        assertThat(((java.sql.Timestamp) rows.get(0).get("opened_at")).toInstant())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(context.reported).isEmpty();
    }

    @Test
    void shouldNeverRollHealthBackWhenAnOlderUpdateArrivesLate() throws SQLException {
        start("accountId", "asOf");

        task.put(List.of(records.health("acct-3", 40, DAY.plusSeconds(86_400), 0)));
        task.put(List.of(records.health("acct-3", 90, DAY, 1)));

        assertThat(rows("SELECT score, as_of FROM " + prefix + "account_health")).singleElement()
                .satisfies(row -> {
                    assertThat(row).containsEntry("score", 40);
                    assertThat(((java.sql.Timestamp) row.get("as_of")).toInstant()).isEqualTo(DAY.plusSeconds(86_400));
                });
    }

    @Test
    void shouldDeadLetterOnlyTheRowThePostgresRefusesWhenABatchFails() throws SQLException {
        start("alertId", "revision");
        final ChurnRiskAlert bad = ContractSamples.alert("acct-5", 1, AlertStatus.OPEN, Severity.LOW);
        // PostgreSQL text cannot hold NUL: the server refuses the row (SQLSTATE 22021), whatever the retries.
        bad.setSummary("quiet\u0000since");

        task.put(List.of(records.alert("acct-4", 1, Severity.LOW, 0), records.alert(bad, 1),
                records.alert("acct-6", 1, Severity.LOW, 2)));

        assertThat(rows("SELECT account_id FROM " + prefix + "churn_risk_alerts ORDER BY 1"))
                .extracting(r -> r.get("account_id")).containsExactly("acct-4", "acct-6");
        assertThat(context.reported).singleElement().satisfies(r -> {
            assertThat(r.record().kafkaOffset()).isEqualTo(1);
            assertThat(r.error()).hasMessageContaining(prefix + "churn_risk_alerts");
        });
    }

    @Test
    void shouldHandTheBatchBackAndWriteItLaterWhenTheConnectionIsKilled() throws SQLException {
        start("alertId", "revision");
        task.put(List.of(records.alert("acct-7", 1, Severity.LOW, 0)));
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                    + "AND datname = 'postgres' AND backend_type = 'client backend'");
        }
        final var batch = List.of(records.alert("acct-7", 2, Severity.HIGH, 1));

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        task.put(batch);

        assertThat(context.timeouts).containsExactly(50L);
        assertThat(rows("SELECT revision FROM " + prefix + "churn_risk_alerts")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("revision", 2));
    }
}
