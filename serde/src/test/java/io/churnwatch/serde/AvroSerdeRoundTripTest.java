package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.signals.HealthScoreUpdate;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {

    static List<Class<? extends SpecificRecord>> generatedRecordClasses() {
        return GeneratedRecords.all();
    }

    @Test
    void shouldFindGeneratedRecordsOfBothPackagesWhenScanningClassPath() {
        assertThat(generatedRecordClasses()).contains(UsageEvent.class, HealthScoreUpdate.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedRecordClasses")
    <T extends SpecificRecord> void shouldReadBackEqualRecordsWhenRoundTrippingGeneratedClass(final Class<T> type) {
        final AvroSerde<T> serde = AvroSerde.of(type, new InMemorySchemaRegistryClient(), false);
        final Random random = new Random(type.getName().hashCode());

        for (int i = 0; i < 20; i++) {
            final T record = GeneratedRecords.random(type, random);

            final T back = serde.deserializer().deserialize("topic", serde.serializer().serialize("topic", record));

            assertThat(back).isEqualTo(record);
        }
    }
}
