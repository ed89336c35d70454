package io.churnwatch.connect.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.connect.converter.ChurnwatchAvroConverter;
import io.churnwatch.connect.it.ConnectWorker;
import io.churnwatch.connect.it.ReplayedRun;
import io.churnwatch.connect.it.ShippedConnector;
import io.churnwatch.connect.postgres.TestPostgres;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.runtime.Registries;
import io.churnwatch.runtime.TopicReader;
import io.churnwatch.serde.AvroDeserializer;
import io.churnwatch.serde.RegistrySerdeConfig;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.HealthScoreUpdate;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Billing in through CDC, on real parts: a billing database (real PostgreSQL, {@code wal_level=logical}, the tables
 * of {@code connectors/config/billing-schema.sql}) captured by Debezium's PostgreSQL connector on a real Connect
 * worker, configured as {@code connectors/config/debezium-billing-cdc.json}, through our SMT and Converter, into the
 * {@code billing} input of a churnwatch pipeline that has replayed a generated history. Rows changed in the database
 * must become the right BillingEvents, and those the right alerts; a row without an account lands in the
 * transform's dead-letter topic with its reason.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingCdcIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(40).withDays(63)
            .withSeed(20_261_207L);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final EmbeddedKafka kafka;
    private ReplayedRun run;
    private EmbeddedPostgres postgres;
    private ConnectWorker worker;
    private String account;
    private Instant base;
    private String deadLetterTopic;

    BillingCdcIT(final EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    @BeforeAll
    void captureBillingChanges() throws InterruptedException, IOException, SQLException {
        run = ReplayedRun.of(kafka, "cdc", HISTORY);
        account = quietAccount();
        base = HISTORY.start().plus(Duration.ofDays(HISTORY.days())).plus(Duration.ofHours(1));
        postgres = TestPostgres.start();
        sql(Files.readString(ShippedConnector.directory().resolve("billing-schema.sql")));
        subscription(9_900, false, base);

        worker = ConnectWorker.start(kafka.bootstrapServers(), "connect-" + UUID.randomUUID().toString().substring(0, 8),
                run.registryUrl(), Map.of());
        deadLetterTopic = run.config().getString(ChurnConfig.TOPIC_BILLING) + "-cdc-dlq";
        final long started = System.nanoTime();
        shippedConnector().create(worker);
        await("Debezium connector running").atMost(TIMEOUT).until(() -> worker.running("billing-cdc", 1));

        subscription(4_900, false, base.plus(Duration.ofHours(1)));
        sql("INSERT INTO invoices (id, account_id, subscription_id, amount_cents, currency, status, attempt_count, "
                + "updated_at) VALUES ('inv-1', '" + account + "', 'sub-1', 4900, 'EUR', 'open', 0, now())");
        sql("UPDATE invoices SET status = 'failed', attempt_count = 1, updated_at = '"
                + Timestamp.from(base.plus(Duration.ofHours(2))) + "+00' WHERE id = 'inv-1'");
        subscription(4_900, true, base.plus(Duration.ofHours(3)));
        sql("INSERT INTO invoices (id, account_id, amount_cents, currency, status, attempt_count) "
                + "VALUES ('inv-orphan', NULL, 1200, 'EUR', 'failed', 1)");

        await("billing events from the database").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> cdcEvents().size() >= 4 && !deadLetters().isEmpty());
        System.out.printf(Locale.ROOT, "BillingCdcIT: %d billing events captured %.1f s after connector creation%n",
                cdcEvents().size(), (System.nanoTime() - started) / 1e9);
    }

    private ShippedConnector shippedConnector() {
        final Map<String, String> local = new HashMap<>();
        local.put("database.hostname", "127.0.0.1");
        local.put("database.port", Integer.toString(postgres.getPort()));
        local.put("database.user", "postgres");
        local.put("database.password", "");
        local.put("database.dbname", "postgres");
        local.put("value.converter.schema.registry.url", run.registryUrl());
        local.put("transforms.billing.topic", run.config().getString(ChurnConfig.TOPIC_BILLING));
        local.put("transforms.billing.dead.letter.topic", deadLetterTopic);
        local.put("topic.creation.default.replication.factor", "1");
        return ShippedConnector.read("debezium-billing-cdc.json").with(local);
    }

    /** An account of the history that is still a customer at its end and has never been alerted. */
    private String quietAccount() {
        final Set<String> alerted = run.outputs().alerts().stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        return run.outputs().health().stream().map(ConsumerRecord::value)
                .filter(h -> !alerted.contains(h.getAccountId()))
                .max(Comparator.comparing(HealthScoreUpdate::getAsOf)).orElseThrow().getAccountId();
    }

    private void subscription(final long mrr, final boolean cancelRequested, final Instant at) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO subscriptions (id, account_id, plan, mrr_cents, currency, status, cancel_at_period_end, "
                        + "current_period_end, updated_at) VALUES ('sub-1', ?, 'pro', ?, 'EUR', 'active', ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET mrr_cents = excluded.mrr_cents, "
                        + "cancel_at_period_end = excluded.cancel_at_period_end, updated_at = excluded.updated_at")) {
            s.setString(1, account);
            s.setLong(2, mrr);
            s.setBoolean(3, cancelRequested);
            s.setTimestamp(4, Timestamp.from(base.plus(Duration.ofDays(30))));
            s.setTimestamp(5, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private void sql(final String statements) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    private List<BillingEvent> cdcEvents() {
        final AvroDeserializer<BillingEvent> values = new AvroDeserializer<>(BillingEvent.class,
                Registries.client(run.config()));
        return TopicReader.readAll(run.clientProperties(), run.config().getString(ChurnConfig.TOPIC_BILLING), values,
                TIMEOUT).stream().map(ConsumerRecord::value).filter(e -> e.getEventId().startsWith("cdc:")).toList();
    }

    @Test
    void shouldTurnEachRowChangeIntoItsBillingEventWhenTheDatabaseIsCaptured() {
        final List<BillingEvent> events = cdcEvents();

        assertThat(events).extracting(BillingEvent::getType).containsExactly(BillingEventType.OTHER,
                BillingEventType.DOWNGRADED, BillingEventType.PAYMENT_FAILED, BillingEventType.CANCELLATION_REQUESTED);
        assertThat(events).allSatisfy(e -> assertThat(e.getAccountId()).isEqualTo(account));
        assertThat(events).extracting(BillingEvent::getMrrCents).containsExactly(9_900L, 4_900L, 4_900L, 4_900L);
        assertThat(events).extracting(BillingEvent::getOccurredAt).containsExactly(base,
                base.plus(Duration.ofHours(1)), base.plus(Duration.ofHours(2)), base.plus(Duration.ofHours(3)));
        assertThat(events).extracting(BillingEvent::getCurrency).containsOnly("EUR");
    }

    @Test
    void shouldOpenTheBillingAlertsWhenTheCapturedEventsReachThePipeline() {
        await("alerts of " + account).atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> openSignals().containsAll(Set.of(ChurnSignal.DOWNGRADE,
                        ChurnSignal.CANCELLATION_REQUESTED)));

        final List<ChurnRiskAlert> alerts = alertsOfAccount();
        assertThat(alerts).filteredOn(a -> a.getSignal() == ChurnSignal.DOWNGRADE).first()
                .satisfies(a -> assertThat(a.getEvidence()).containsEntry("previousMrrCents", "9900")
                        .containsEntry("lostMrrCents", "5000"));
        assertThat(alerts).extracting(ChurnRiskAlert::getSignal).doesNotContain(ChurnSignal.PAYMENT_FAILED);
    }

    @Test
    void shouldDeadLetterTheRowWithItsReasonWhenItHasNoAccount() {
        final List<ConsumerRecord<String, byte[]>> dead = deadLetters();
        final ChurnwatchAvroConverter converter = new ChurnwatchAvroConverter();
        converter.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, run.registryUrl()), false);

        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), BillingEventTransform.REASON)).isEqualTo("no-account");
        assertThat(header(dead.get(0), BillingEventTransform.SOURCE_TABLE)).isEqualTo("public.invoices");
        assertThat(header(dead.get(0), BillingEventTransform.SOURCE_POSITION)).startsWith("lsn ");
        assertThat((String) converter.toConnectData(deadLetterTopic, dead.get(0).value()).value())
                .contains("\"id\":\"inv-orphan\"");
    }

    @Test
    void shouldCountTheDeadLetterWhenTheWorkerReportsPluginMetrics() throws JMException {
        final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        final Set<ObjectName> names = jmx.queryNames(new ObjectName("kafka.connect:type=plugins,connector=billing-cdc,*"),
                null);
        final List<Object> counts = new ArrayList<>();
        for (final ObjectName name : names) {
            for (final MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
                if (attribute.getName().equals("billing-cdc-dead-letters-total")) {
                    counts.add(jmx.getAttribute(name, attribute.getName()));
                }
            }
        }

        assertThat(names).as("plugin metric beans").isNotEmpty();
        assertThat(counts).containsExactly(1.0);
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        return TopicReader.readAll(run.clientProperties(), deadLetterTopic, new ByteArrayDeserializer(), TIMEOUT);
    }

    private Set<ChurnSignal> openSignals() {
        return alertsOfAccount().stream().filter(a -> a.getStatus() == AlertStatus.OPEN).map(ChurnRiskAlert::getSignal)
                .collect(Collectors.toSet());
    }

    private List<ChurnRiskAlert> alertsOfAccount() {
        return run.readOutputs().alerts().stream().filter(r -> account.equals(r.key())).map(ConsumerRecord::value)
                .toList();
    }

    private static String header(final ConsumerRecord<String, byte[]> record, final String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
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
}
