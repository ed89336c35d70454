package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.UsageEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroDeserializerTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroDeserializer<UsageEvent> deserializer = new AvroDeserializer<>(UsageEvent.class, registry);

    @Test
    void shouldFillDefaultsWhenWriterSchemaIsOlder() {
        final Schema older = SchemaVariants.without(UsageEvent.getClassSchema(), Set.of("feature", "quantity"));
        final int id = registry.register("usage-value", older);
        final UsageEvent expected = TestRecords.usage(4);
        final GenericRecord written = new GenericData.Record(older);
        older.getFields().forEach(field -> written.put(field.name(), genericValue(expected, field.name())));

        final UsageEvent read = deserializer.deserialize("usage", SchemaVariants.frame(id, written));

        assertThat(read.getEventId()).isEqualTo(expected.getEventId());
        assertThat(read.getFeature()).isNull();
        assertThat(read.getQuantity()).isEqualTo(1);
    }

    @Test
    void shouldSkipUnknownFieldWhenWriterSchemaIsNewer() {
        final Schema newer = SchemaVariants.with(UsageEvent.getClassSchema(),
                new Schema.Field("region", Schema.create(Schema.Type.STRING), null, "eu"));
        final int id = registry.register("usage-value", newer);
        final UsageEvent expected = TestRecords.usage(5);
        final GenericRecord written = new GenericData.Record(newer);
        UsageEvent.getClassSchema().getFields().forEach(field ->
                written.put(field.name(), genericValue(expected, field.name())));
        written.put("region", "us");

        assertThat(deserializer.deserialize("usage", SchemaVariants.frame(id, written))).isEqualTo(expected);
    }

    @Test
    void shouldReturnNullWhenBytesAreNull() {
        assertThat(deserializer.deserialize("usage", null)).isNull();
    }

    @Test
    void shouldFailWithWireFormatReasonWhenPayloadIsGarbage() {
        final int id = registry.register("usage-value", UsageEvent.getClassSchema());
        final byte[] bytes = new byte[40];
        new Random(7).nextBytes(bytes);
        System.arraycopy(new byte[] {0, 0, 0, 0, (byte) id}, 0, bytes, 0, 5);

        assertThatThrownBy(() -> deserializer.deserialize("usage", bytes))
                .isInstanceOfSatisfying(InvalidWireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid-wire-format"))
                .hasMessageContaining("usage");
    }

    @Test
    void shouldFailWithWireFormatReasonWhenPayloadIsTruncated() {
        final byte[] bytes = new AvroSerializer<UsageEvent>(registry, false).serialize("usage", TestRecords.usage(1));

        assertThatThrownBy(() -> deserializer.deserialize("usage", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(InvalidWireFormatException.class);
    }

    @Test
    void shouldFailWithWireFormatReasonWhenBytesFollowPayload() {
        final byte[] bytes = new AvroSerializer<UsageEvent>(registry, false).serialize("usage", TestRecords.usage(1));

        assertThatThrownBy(() -> deserializer.deserialize("usage", Arrays.copyOf(bytes, bytes.length + 2)))
                .isInstanceOf(InvalidWireFormatException.class)
                .hasMessageContaining("bytes left");
    }

    @Test
    void shouldFailWithWireFormatReasonWhenMagicByteIsWrong() {
        final byte[] bytes = new AvroSerializer<UsageEvent>(registry, false).serialize("usage", TestRecords.usage(1));
        bytes[0] = 1;

        assertThatThrownBy(() -> deserializer.deserialize("usage", bytes))
                .isInstanceOf(InvalidWireFormatException.class);
    }

    @Test
    void shouldFailWithUnknownIdReasonWhenRegistryDoesNotKnowId() {
        final byte[] bytes = new AvroSerializer<UsageEvent>(registry, false).serialize("usage", TestRecords.usage(1));
        bytes[4] = 99;

        assertThatThrownBy(() -> deserializer.deserialize("usage", bytes))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> {
                    assertThat(e.reason()).isEqualTo("unknown-schema-id");
                    assertThat(e.schemaId()).isEqualTo(99);
                });
    }

    @Test
    void shouldFailWithResolutionReasonWhenWriterIsAnotherRecord() {
        final BillingEvent billing = GeneratedRecords.random(BillingEvent.class, new Random(3));
        final byte[] bytes = new AvroSerializer<BillingEvent>(registry, false).serialize("billing", billing);

        assertThatThrownBy(() -> deserializer.deserialize("billing", bytes))
                .isInstanceOfSatisfying(SchemaResolutionException.class,
                        e -> assertThat(e.reason()).isEqualTo("incompatible-schema"))
                .hasMessageContaining("io.churnwatch.events.BillingEvent");
    }

    @Test
    void shouldFetchWriterSchemaOnceWhenDeserializingManyRecords() {
        final CountingSchemaRegistryClient counting = new CountingSchemaRegistryClient(registry);
        final AvroDeserializer<UsageEvent> counted = new AvroDeserializer<>(UsageEvent.class, counting);
        final AvroSerializer<UsageEvent> serializer = new AvroSerializer<>(registry, false);

        for (int i = 0; i < 500; i++) {
            counted.deserialize("usage", serializer.serialize("usage", TestRecords.usage(i)));
        }

        assertThat(counting.schemaFetches()).isEqualTo(1);
    }

    /** A field of a generated record as the generic API writes it (enums as symbols, instants as millis). */
    private static Object genericValue(final UsageEvent event, final String field) {
        final Object value = event.get(field);
        if (value instanceof Enum<?> symbol) {
            return new GenericData.EnumSymbol(UsageEvent.getClassSchema().getField(field).schema(), symbol.name());
        }
        return value instanceof Instant instant ? instant.toEpochMilli() : value;
    }
}
