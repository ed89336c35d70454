package io.churnwatch.connect.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.serde.AvroDeserializer;
import io.churnwatch.serde.AvroSerializer;
import io.churnwatch.serde.ContractSamples;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import io.churnwatch.serde.RegistrySerdeConfig;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.signals.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChurnwatchAvroConverterTest {

    private static final String TOPIC = "churn-risk-alerts";

    private final String scope = "converter-" + UUID.randomUUID();
    private final InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope(scope);
    private final ChurnwatchAvroConverter converter = converter();

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistryClient.dropScope(scope);
    }

    private ChurnwatchAvroConverter converter() {
        final ChurnwatchAvroConverter built = new ChurnwatchAvroConverter();
        built.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
        return built;
    }

    private byte[] serialized(final ChurnRiskAlert alert) {
        return new AvroSerializer<ChurnRiskAlert>(registry, false).serialize(TOPIC, alert);
    }

    @Test
    void shouldExposeTheContractFieldsWhenAnAlertIsRead() {
        final ChurnRiskAlert alert = ContractSamples.alert("acct-1", 3, AlertStatus.OPEN, Severity.HIGH);

        final SchemaAndValue read = converter.toConnectData(TOPIC, serialized(alert));

        final Struct struct = (Struct) read.value();
        assertThat(read.schema().name()).isEqualTo("io.churnwatch.signals.ChurnRiskAlert");
        assertThat(struct.getString("alertId")).isEqualTo(alert.getAlertId());
        assertThat(struct.getString("severity")).isEqualTo("HIGH");
        assertThat(struct.getInt32("revision")).isEqualTo(3);
        assertThat(struct.get("openedAt")).isEqualTo(Date.from(alert.getOpenedAt()));
        assertThat(read.schema().field("openedAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(read.schema().field("ownerId").schema().isOptional()).isTrue();
        assertThat(struct.getMap("evidence")).containsEntry("daysWithoutUsage", "12");
        final List<Struct> reasons = struct.getArray("reasons");
        assertThat(reasons).extracting(r -> r.getString("signal")).containsExactly("COHORT_LAG", "SILENCE");
    }

    @Test
    void shouldWriteAnEqualRecordUnderTheSameSchemaIdWhenARecordReadIsWrittenBack() {
        final ChurnRiskAlert alert = ContractSamples.alert("acct-2", 1, AlertStatus.OPEN, Severity.MEDIUM);
        final byte[] original = serialized(alert);
        final SchemaAndValue read = converter.toConnectData(TOPIC, original);

        final byte[] written = converter.fromConnectData(TOPIC, read.schema(), read.value());

        // Bytes may differ only in map entry order (Avro does not fix it), so compare the header and the record.
        assertThat(Arrays.copyOf(written, 5)).isEqualTo(Arrays.copyOf(original, 5));
        assertThat(new AvroDeserializer<>(ChurnRiskAlert.class, registry).deserialize(TOPIC, written)).isEqualTo(alert);
    }

    @Test
    void shouldBeReadableByTheSerdeWhenASourceWritesAStructOfItsOwn() {
        final Schema schema = SchemaBuilder.struct().name("io.churnwatch.signals.HealthScoreUpdate")
                .field("accountId", Schema.STRING_SCHEMA)
                .field("score", Schema.INT32_SCHEMA)
                .field("band", SchemaBuilder.string().parameter(AvroToConnect.ENUM, "io.churnwatch.signals.HealthBand")
                        .parameter(AvroToConnect.ENUM + ".AT_RISK", "AT_RISK").build())
                .field("components", SchemaBuilder.array(SchemaBuilder.struct()
                        .name("io.churnwatch.signals.HealthComponent")
                        .field("name", Schema.STRING_SCHEMA).field("score", Schema.FLOAT64_SCHEMA)
                        .field("weight", Schema.FLOAT64_SCHEMA).field("points", Schema.FLOAT64_SCHEMA)
                        .field("detail", Schema.STRING_SCHEMA).build()).build())
                .field("asOf", Timestamp.SCHEMA)
                .field("scoringVersion", Schema.STRING_SCHEMA)
                .build();
        final Instant asOf = Instant.parse("2026-02-01T00:00:00Z");
        final Struct value = new Struct(schema).put("accountId", "acct-3").put("score", 42).put("band", "AT_RISK")
                .put("components", List.of()).put("asOf", Date.from(asOf)).put("scoringVersion", "v2");

        final byte[] written = converter.fromConnectData("account-health", schema, value);

        final HealthScoreUpdate read = new AvroDeserializer<>(HealthScoreUpdate.class, registry)
                .deserialize("account-health", written);
        assertThat(read.getAccountId()).isEqualTo("acct-3");
        assertThat(read.getScore()).isEqualTo(42);
        assertThat(read.getAsOf()).isEqualTo(asOf);
        assertThat(read.getPreviousScore()).as("absent optional field takes the reader's default").isNull();
        assertThat(registry.subjects()).contains("account-health-value");
    }

    @Test
    void shouldRefuseWhenAnEnumValueIsNotASymbol() {
        final SchemaAndValue read = converter.toConnectData(TOPIC,
                serialized(ContractSamples.alert("acct-4", 0, AlertStatus.OPEN, Severity.LOW)));
        final Struct changed = ((Struct) read.value()).put("severity", "APOCALYPTIC");

        assertThatThrownBy(() -> converter.fromConnectData(TOPIC, read.schema(), changed))
                .isInstanceOf(DataException.class).hasMessageContaining("severity").hasMessageContaining("APOCALYPTIC");
    }

    @Test
    void shouldRaiseADataExceptionNamingTheTopicWhenTheBytesAreNotOurFormat() {
        assertThatThrownBy(() -> converter.toConnectData(TOPIC, new byte[] {1, 2, 3, 4, 5, 6}))
                .isInstanceOf(DataException.class).hasMessageContaining(TOPIC).hasMessageContaining("magic");
    }

    @Test
    void shouldPassTombstonesWhenTheValueIsNull() {
        assertThat(converter.toConnectData(TOPIC, null)).isEqualTo(SchemaAndValue.NULL);
        assertThat(converter.fromConnectData(TOPIC, null, null)).isNull();
    }

    @Test
    void shouldNotRegisterWhenAutoRegistrationIsOff() {
        final ChurnwatchAvroConverter lookupOnly = new ChurnwatchAvroConverter();
        lookupOnly.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
        final SchemaAndValue read = converter.toConnectData(TOPIC,
                serialized(ContractSamples.alert("acct-5", 0, AlertStatus.OPEN, Severity.LOW)));

        assertThatThrownBy(() -> lookupOnly.fromConnectData("elsewhere", read.schema(), read.value()))
                .isInstanceOf(DataException.class).hasMessageContaining("elsewhere-value");
    }
}
