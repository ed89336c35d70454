package io.churnwatch.connect.testing;

import io.churnwatch.connect.converter.ChurnwatchAvroConverter;
import io.churnwatch.serde.AvroSerializer;
import io.churnwatch.serde.ContractSamples;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.signals.Severity;
import java.time.Instant;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink records of contract alerts and health updates as the worker hands them to a task: through our converter. */
public final class ContractRecords {

    public static final String TOPIC = "churn-risk-alerts";
    public static final String HEALTH_TOPIC = "account-health";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final ChurnwatchAvroConverter converter = new ChurnwatchAvroConverter(registry);

    public ContractRecords() {
        converter.configure(java.util.Map.of("schema.registry.url", "mock://unused"), false);
    }

    public SinkRecord alert(final String account, final int revision, final Severity severity, final long offset) {
        final ChurnRiskAlert alert = ContractSamples.alert(account, revision, AlertStatus.OPEN, severity);
        final byte[] bytes = new AvroSerializer<ChurnRiskAlert>(registry, false).serialize(TOPIC, alert);
        final SchemaAndValue value = converter.toConnectData(TOPIC, bytes);
        return new SinkRecord(TOPIC, 0, null, account, value.schema(), value.value(), offset);
    }

    /** A record of {@code alert} as it is, e.g. one with a field changed from {@code ContractSamples}. */
    public SinkRecord alert(final ChurnRiskAlert alert, final long offset) {
        final byte[] bytes = new AvroSerializer<ChurnRiskAlert>(registry, false).serialize(TOPIC, alert);
        final SchemaAndValue value = converter.toConnectData(TOPIC, bytes);
        return new SinkRecord(TOPIC, 0, null, alert.getAccountId(), value.schema(), value.value(), offset);
    }

    public SinkRecord health(final String account, final int score, final Instant asOf, final long offset) {
        final HealthScoreUpdate update = ContractSamples.health(account, score, asOf);
        final byte[] bytes = new AvroSerializer<HealthScoreUpdate>(registry, false).serialize(HEALTH_TOPIC, update);
        final SchemaAndValue value = converter.toConnectData(HEALTH_TOPIC, bytes);
        return new SinkRecord(HEALTH_TOPIC, 0, null, account, value.schema(), value.value(), offset);
    }
}
