package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Fuzzing the Confluent wire-format deserializer: random bytes, and a valid record with bytes flipped, cut or
 * appended, either decode to a record or fail with a {@link SerializationException} that says why (what the
 * topology's dead-letter handler turns into the DLQ reason header); nothing else escapes.
 */
class AvroDeserializerFuzzTest {

    private static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
    private static final byte[] VALID;

    static {
        final UsageEvent event = UsageEvent.newBuilder().setEventId("e-1").setAccountId("acct-1")
                .setKind(UsageKind.ACTIVITY).setFeature("reports.export").setQuantity(3)
                .setOccurredAt(Instant.parse("2026-01-05T09:00:00Z")).build();
        try (AvroSerializer<UsageEvent> serializer = new AvroSerializer<>(REGISTRY, false)) {
            VALID = serializer.serialize("product-usage", event);
        }
    }

    private final AvroDeserializer<UsageEvent> deserializer = new AvroDeserializer<>(UsageEvent.class, REGISTRY);

    @Property(tries = 3000, seed = "20261206")
    void shouldDecodeOrExplainWhenTheBytesAreRandom(@ForAll final byte[] bytes) {
        assertDecodedOrExplained(bytes);
    }

    @Property(tries = 3000, seed = "20261206")
    void shouldDecodeOrExplainWhenAValidRecordIsMutated(@ForAll("mutatedRecords") final byte[] bytes) {
        assertDecodedOrExplained(bytes);
    }

    @Provide
    Arbitrary<byte[]> mutatedRecords() {
        final Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, VALID.length - 1).list()
                .ofMinSize(1).ofMaxSize(4);
        final Arbitrary<Byte> value = Arbitraries.bytes();
        final Arbitrary<Integer> cut = Arbitraries.integers().between(0, VALID.length + 8);
        return Combinators.combine(positions, value, cut).as((at, b, length) -> {
            final byte[] copy = Arrays.copyOf(VALID, length);
            for (final int i : at) {
                if (i < copy.length) {
                    copy[i] = (byte) (copy[i] ^ b);
                }
            }
            return copy;
        });
    }

    private void assertDecodedOrExplained(final byte[] bytes) {
        try {
            assertThat(deserializer.deserialize("product-usage", bytes)).isNotNull();
        } catch (final SerializationException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
