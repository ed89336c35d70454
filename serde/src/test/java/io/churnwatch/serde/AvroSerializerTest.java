package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final CountingSchemaRegistryClient counting = new CountingSchemaRegistryClient(registry);

    @Test
    void shouldFrameWithMagicByteAndRegisteredIdWhenSerializing() {
        final int otherId = registry.register("other-value", SchemaVariants.without(UsageEvent.getClassSchema(),
                Set.of("feature")));

        final byte[] bytes = new AvroSerializer<UsageEvent>(registry, false).serialize("usage", TestRecords.usage(1));

        final int id = registry.getId("usage-value", UsageEvent.getClassSchema());
        assertThat(id).isNotEqualTo(otherId);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void shouldRegisterUnderValueSubjectWhenSerializingValues() {
        new AvroSerializer<UsageEvent>(registry, false).serialize("usage", TestRecords.usage(1));

        assertThat(registry.subjects()).containsExactly("usage-value");
    }

    @Test
    void shouldRegisterUnderKeySubjectWhenSerializingKeys() {
        new AvroSerializer<UsageEvent>(registry, true).serialize("usage", TestRecords.usage(1));

        assertThat(registry.subjects()).containsExactly("usage-key");
    }

    @Test
    void shouldRegisterOnceWhenSerializingManyRecords() {
        final AvroSerializer<UsageEvent> serializer = new AvroSerializer<>(counting, false);

        for (int i = 0; i < 500; i++) {
            serializer.serialize("usage", TestRecords.usage(i));
        }

        assertThat(counting.registrations()).isEqualTo(1);
    }

    @Test
    void shouldRegisterOnceWhenThreadsSerializeConcurrently() throws Exception {
        final AvroSerializer<UsageEvent> serializer = new AvroSerializer<>(counting, false);
        final CountDownLatch start = new CountDownLatch(1);
        final List<Callable<byte[]>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            final int sequence = i;
            tasks.add(() -> {
                start.await();
                return serializer.serialize("usage", TestRecords.usage(sequence));
            });
        }
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            final List<Future<byte[]>> results = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (final Future<byte[]> result : results) {
                assertThat(result.get()).isNotEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counting.registrations()).isEqualTo(1);
    }

    @Test
    void shouldUseRegisteredIdWithoutRegisteringWhenAutoRegisterIsDisabled() {
        final int id = registry.register("usage-value", UsageEvent.getClassSchema());
        final AvroSerializer<UsageEvent> serializer = new AvroSerializer<>(counting, false);
        serializer.configure(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        final byte[] bytes = serializer.serialize("usage", TestRecords.usage(1));

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(counting.registrations()).isZero();
    }

    @Test
    void shouldFailNamingSubjectWhenAutoRegisterIsDisabledAndSchemaIsAbsent() {
        final AvroSerializer<UsageEvent> serializer = new AvroSerializer<>(registry, false);
        serializer.configure(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        assertThatThrownBy(() -> serializer.serialize("usage", TestRecords.usage(1)))
                .isInstanceOfSatisfying(SchemaNotRegisteredException.class,
                        e -> assertThat(e.reason()).isEqualTo("schema-not-registered"))
                .hasMessageContaining("auto.register.schemas=false")
                .hasMessageContaining("'usage-value'");
    }

    @Test
    void shouldWriteWithLatestSchemaWhenUseLatestVersionAndLatestAddedField() throws IOException {
        registry.register("usage-value", UsageEvent.getClassSchema());
        final Schema latest = SchemaVariants.with(UsageEvent.getClassSchema(),
                new Schema.Field("region", Schema.create(Schema.Type.STRING), null, "eu"));
        final int latestId = registry.register("usage-value", latest);
        final AvroSerializer<UsageEvent> serializer = new AvroSerializer<>(registry, false);
        serializer.configure(Map.of(RegistrySerdeConfig.USE_LATEST_VERSION, true), false);

        final byte[] bytes = serializer.serialize("usage", TestRecords.usage(3));

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latestId);
        final GenericRecord written = new GenericDatumReader<GenericRecord>(latest).read(null,
                DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(written.get("region")).hasToString("eu");
        assertThat(written.get("eventId")).hasToString(TestRecords.usage(3).getEventId());
    }

    @Test
    void shouldFailWithResolutionReasonWhenLatestVersionCannotReadRecord() {
        final Schema latest = SchemaVariants.with(UsageEvent.getClassSchema(),
                new Schema.Field("region", Schema.create(Schema.Type.STRING)));
        registry.register("usage-value", latest);
        final AvroSerializer<UsageEvent> serializer = new AvroSerializer<>(registry, false);
        serializer.configure(Map.of(RegistrySerdeConfig.USE_LATEST_VERSION, true), false);

        assertThatThrownBy(() -> serializer.serialize("usage", TestRecords.usage(3)))
                .isInstanceOfSatisfying(SchemaResolutionException.class,
                        e -> assertThat(e.reason()).isEqualTo("incompatible-schema"))
                .hasMessageContaining("region");
    }

    @Test
    void shouldReturnNullWhenRecordIsNull() {
        assertThat(new AvroSerializer<UsageEvent>(counting, false).serialize("usage", null)).isNull();
        assertThat(counting.registrations()).isZero();
    }

    @Test
    void shouldFailWithInvalidRecordWhenRequiredFieldIsNull() {
        final UsageEvent broken = new UsageEvent(null, "acct-1", null, UsageKind.LOGIN, null, 1,
                TestRecords.usage(1).getOccurredAt());

        assertThatThrownBy(() -> new AvroSerializer<UsageEvent>(registry, false).serialize("usage", broken))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid-record"))
                .hasMessageContaining("io.churnwatch.events.UsageEvent");
    }

    @Test
    void shouldEncodeNextRecordCleanlyWhenPreviousRecordFailedHalfway() {
        final AvroSerializer<UsageEvent> serializer = new AvroSerializer<>(registry, false);
        final UsageEvent broken = new UsageEvent("evt-1", "acct-1", "user-1", null, "reports", 1,
                TestRecords.usage(1).getOccurredAt());
        assertThatThrownBy(() -> serializer.serialize("usage", broken)).isInstanceOf(InvalidRecordException.class);

        final byte[] bytes = serializer.serialize("usage", TestRecords.usage(9));

        assertThat(new AvroDeserializer<>(UsageEvent.class, registry).deserialize("usage", bytes))
                .isEqualTo(TestRecords.usage(9));
    }
}
