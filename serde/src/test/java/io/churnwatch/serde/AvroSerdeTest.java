package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.UsageEvent;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String SCOPE = "avro-serde-test";

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistryClient.dropScope(SCOPE);
    }

    @Test
    void shouldRoundTripWhenBuiltFromConfigWithMockUrl() {
        final AvroSerde<UsageEvent> serde = AvroSerde.of(UsageEvent.class,
                Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
        final UsageEvent record = TestRecords.usage(1);

        final byte[] bytes = serde.serializer().serialize("usage", record);

        assertThat(serde.deserializer().deserialize("usage", bytes)).isEqualTo(record);
        assertThat(InMemorySchemaRegistryClient.forScope(SCOPE).subjects()).containsExactly("usage-value");
    }

    @Test
    void shouldRoundTripWhenInstantiatedByNameAndConfigured() {
        final AvroSerde<UsageEvent> serde = new AvroSerde<>();
        serde.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
                RegistrySerdeConfig.SPECIFIC_KEY_TYPE, UsageEvent.class.getName()), true);
        final UsageEvent record = TestRecords.usage(2);

        final byte[] bytes = serde.serializer().serialize("usage", record);

        assertThat(serde.deserializer().deserialize("usage", bytes)).isEqualTo(record);
        assertThat(InMemorySchemaRegistryClient.forScope(SCOPE).subjects()).containsExactly("usage-key");
    }

    @Test
    void shouldFailNamingKeyWhenConfiguredWithoutRecordClass() {
        final AvroSerde<UsageEvent> serde = new AvroSerde<>();

        assertThatThrownBy(() -> serde.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE),
                false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistrySerdeConfig.SPECIFIC_VALUE_TYPE);
    }

    @Test
    void shouldApplyOptionsWhenSerdeBuiltWithClientIsConfigured() {
        final AvroSerde<UsageEvent> serde = AvroSerde.of(UsageEvent.class, new InMemorySchemaRegistryClient(), false);
        serde.configure(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serde.serializer().serialize("usage", TestRecords.usage(1)))
                .isInstanceOf(SchemaNotRegisteredException.class);
    }
}
