package io.churnwatch.connect.demo;

import static org.awaitility.Awaitility.await;

import io.churnwatch.connect.it.ConnectWorker;
import io.churnwatch.connect.it.ReplayedRun;
import io.churnwatch.connect.it.ShippedConnector;
import io.churnwatch.connect.postgres.TestPostgres;
import io.churnwatch.connect.webhook.FlakyReceiver;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.runtime.KafkaOffsets;
import io.churnwatch.runtime.VisibleLag;
import io.churnwatch.signals.ChurnRiskAlert;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The Connect demo: the demo's history replayed through churnwatch on an embedded broker and registry, then the
 * shipped sinks ({@code connectors/config/webhook-sink.json}, {@code postgres-alerts.json},
 * {@code postgres-health.json}) created on a real Connect worker, delivering the alerts to a local webhook receiver
 * and alerts and health into an embedded PostgreSQL; it prints what arrived where. Run it with
 * {@code ./mvnw -B -q -pl connectors exec:exec@connect-demo} after {@code ./mvnw -B install -DskipTests}.
 */
public final class ConnectDemo {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** What arrived: the figures the demo printed. */
    public record Delivered(int alertVersions, int accepted, int requests, long alertRows, long healthRows,
                            long distinctAlerts, long accounts) {
    }

    private final EmbeddedKafka kafka;
    private final GeneratorOptions history;
    private final PrintWriter out;

    public ConnectDemo(final EmbeddedKafka kafka, final GeneratorOptions history, final PrintWriter out) {
        this.kafka = kafka;
        this.history = history;
        this.out = out;
    }

    public static void main(final String[] args) throws Exception {
        final int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            new ConnectDemo(kafka, GeneratorOptions.defaults().withAccounts(accounts).withDays(90), out).run();
        }
    }

    /** Runs the demo and returns what it printed, as figures. */
    public Delivered run() throws Exception {
        out.printf(Locale.ROOT, "Replaying %d accounts x %d days through churnwatch...%n", history.accounts(),
                history.days());
        try (ReplayedRun run = ReplayedRun.of(kafka, "connect-demo", history);
             FlakyReceiver crm = new FlakyReceiver();
             EmbeddedPostgres postgres = TestPostgres.start();
             ConnectWorker worker = ConnectWorker.start(kafka.bootstrapServers(), "connect-demo-"
                     + UUID.randomUUID().toString().substring(0, 8), run.registryUrl(), Map.of())) {
            final List<ChurnRiskAlert> alerts = run.outputs().alerts().stream().map(ConsumerRecord::value).toList();
            final long versions = alerts.stream().map(ConnectDemo::version).distinct().count();
            final long distinctAlerts = alerts.stream().map(ChurnRiskAlert::getAlertId).distinct().count();
            final long accounts = run.outputs().health().stream().map(ConsumerRecord::key).distinct().count();
            out.printf(Locale.ROOT, "churnwatch published %d alert records (%d alerts) and %d health updates of %d "
                    + "accounts%n", alerts.size(), distinctAlerts, run.outputs().health().size(), accounts);

            final long started = System.nanoTime();
            final List<ShippedConnector> sinks = sinks(run, crm, postgres);
            sinks.forEach(sink -> sink.create(worker));
            out.printf(Locale.ROOT, "Created %s on the Connect worker at %s%n",
                    String.join(", ", sinks.stream().map(ShippedConnector::name).toList()), worker.restUrl());
            await("delivery").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> crm.accepted().size() >= versions && count(postgres, "churn_risk_alerts") == distinctAlerts
                            && count(postgres, "account_health") == accounts && undelivered(run, sinks) == 0);
            final double seconds = (System.nanoTime() - started) / 1e9;

            final Delivered delivered = new Delivered((int) versions, crm.accepted().size(), crm.requests().size(),
                    count(postgres, "churn_risk_alerts"), count(postgres, "account_health"), distinctAlerts, accounts);
            print(delivered, seconds, crm, postgres, run, sinks);
            return delivered;
        }
    }

    private static String version(final ChurnRiskAlert alert) {
        return alert.getAlertId() + ":" + alert.getRevision() + ":" + alert.getStatus() + ":" + alert.getSeverity();
    }

    private static List<ShippedConnector> sinks(final ReplayedRun run, final FlakyReceiver crm,
                                                final EmbeddedPostgres postgres) {
        final Map<String, String> local = new HashMap<>();
        local.put("value.converter.schema.registry.url", run.registryUrl());
        local.put("errors.deadletterqueue.topic.replication.factor", "1");
        final Map<String, String> database = new HashMap<>(local);
        database.put("postgres.url", postgres.getJdbcUrl("postgres", "postgres"));
        database.put("postgres.user", null);
        database.put("postgres.password", null);
        final Map<String, String> webhook = new HashMap<>(local);
        webhook.put("topics", run.alertsTopic());
        webhook.put("webhook.url", crm.url());
        webhook.put("webhook.auth.header.value", "Bearer connect-demo");
        webhook.put("webhook.rate.limit.per.second", "0");
        final Map<String, String> alertRows = new HashMap<>(database);
        alertRows.put("topics", run.alertsTopic());
        alertRows.put("postgres.table.name.format", "churn_risk_alerts");
        final Map<String, String> healthRows = new HashMap<>(database);
        healthRows.put("topics", run.healthTopic());
        healthRows.put("postgres.table.name.format", "account_health");
        return List.of(ShippedConnector.read("webhook-sink.json").with(webhook),
                ShippedConnector.read("postgres-alerts.json").with(alertRows),
                ShippedConnector.read("postgres-health.json").with(healthRows));
    }

    private void print(final Delivered d, final double seconds, final FlakyReceiver crm, final EmbeddedPostgres postgres,
                       final ReplayedRun run, final List<ShippedConnector> sinks) throws SQLException {
        out.printf(Locale.ROOT, "%nDelivered through Kafka Connect in %.1f s:%n", seconds);
        out.printf(Locale.ROOT, "  CRM webhook  %s: %d of %d alert versions accepted, %d POSTs (%d duplicates, %d "
                + "refused)%n", crm.url(), d.accepted(), d.alertVersions(), d.requests(), crm.duplicates(), crm.refused());
        out.printf(Locale.ROOT, "  PostgreSQL   churn_risk_alerts: %d rows (%d alerts), account_health: %d rows (%d "
                + "accounts)%n", d.alertRows(), d.distinctAlerts(), d.healthRows(), d.accounts());
        out.printf(Locale.ROOT, "  Sink lag     %d records not delivered (groups %s)%n", undelivered(run, sinks),
                String.join(", ", sinks.stream().map(s -> "connect-" + s.name()).toList()));
        out.printf(Locale.ROOT, "%nMost at-risk accounts, as the CRM's database has them:%n");
        query(postgres, "SELECT account_id, score, band FROM account_health ORDER BY score, account_id LIMIT 5",
                rows -> out.printf(Locale.ROOT, "  %-14s score %3d  %s%n", rows.getString(1), rows.getInt(2),
                        rows.getString(3)));
        out.printf(Locale.ROOT, "%nOpen alerts by signal and severity in churn_risk_alerts:%n");
        query(postgres, "SELECT signal, severity, count(*) FROM churn_risk_alerts WHERE status = 'OPEN' "
                + "GROUP BY signal, severity ORDER BY count(*) DESC, signal, severity LIMIT 8",
                rows -> out.printf(Locale.ROOT, "  %-22s %-9s %4d%n", rows.getString(1), rows.getString(2),
                        rows.getLong(3)));
        crm.accepted().entrySet().stream().findFirst().ifPresent(first -> out.printf(Locale.ROOT,
                "%nOne POST the CRM received (Idempotency-Key %s):%n  %s%n", first.getKey(), first.getValue()));
    }

    /** Records the sink groups have not delivered, as churnwatch's lag gauges count them (records, not offsets). */
    private static long undelivered(final ReplayedRun run, final List<ShippedConnector> sinks) {
        try (KafkaOffsets offsets = new KafkaOffsets(run.clientProperties(), Duration.ofSeconds(10));
             VisibleLag visible = new VisibleLag(run.clientProperties())) {
            long total = 0;
            for (final ShippedConnector sink : sinks) {
                total += visible.settle(offsets.lag("connect-" + sink.name(), List.of(sink.config().get("topics"))))
                        .values().stream().mapToLong(Long::longValue).sum();
            }
            return total;
        }
    }

    private static long count(final EmbeddedPostgres postgres, final String table) throws SQLException {
        final List<Long> counts = new ArrayList<>();
        query(postgres, "SELECT count(*) FROM " + table, rows -> counts.add(rows.getLong(1)));
        return counts.get(0);
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(final EmbeddedPostgres postgres, final String sql, final Row row) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }
}
