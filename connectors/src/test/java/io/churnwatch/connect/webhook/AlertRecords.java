package io.churnwatch.connect.webhook;

import io.churnwatch.connect.converter.ChurnwatchAvroConverter;
import io.churnwatch.serde.AvroSerializer;
import io.churnwatch.serde.ContractSamples;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.Severity;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink records of contract alerts as the worker hands them to a task: read through our converter. */
final class AlertRecords {

    static final String TOPIC = "churn-risk-alerts";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final ChurnwatchAvroConverter converter = new ChurnwatchAvroConverter(registry);

    AlertRecords() {
        converter.configure(java.util.Map.of("schema.registry.url", "mock://unused"), false);
    }

    SinkRecord alert(final String account, final int revision, final Severity severity, final long offset) {
        final ChurnRiskAlert alert = ContractSamples.alert(account, revision, AlertStatus.OPEN, severity);
        final byte[] bytes = new AvroSerializer<ChurnRiskAlert>(registry, false).serialize(TOPIC, alert);
        final SchemaAndValue value = converter.toConnectData(TOPIC, bytes);
        return new SinkRecord(TOPIC, 0, null, account, value.schema(), value.value(), offset);
    }
}
