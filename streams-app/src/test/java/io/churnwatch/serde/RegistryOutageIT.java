package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.events.UsageEvent;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our serde when the real registry it worked with has stopped: schemas it already knows keep working from its
 * caches, anything else fails within a tiny retry budget with an error naming the registry.
 */
class RegistryOutageIT {

    private static final String KNOWN_TOPIC = "outage-known";
    private static final UsageEvent EVENT = TestRecords.usage(1);

    private static String url;
    private static AvroSerde<UsageEvent> serde;
    private static byte[] writtenBeforeStop;

    @BeforeAll
    static void writeAndReadOnceThenStopRegistry() {
        try (EmbeddedRegistry registry = EmbeddedRegistry.start()) {
            url = registry.url();
            serde = AvroSerde.of(UsageEvent.class, Map.of(
                    RegistrySerdeConfig.SCHEMA_REGISTRY_URL, url,
                    RegistrySerdeConfig.RETRIES, 1,
                    RegistrySerdeConfig.RETRY_BACKOFF_MS, 10L,
                    RegistrySerdeConfig.REQUEST_TIMEOUT_MS, 2_000), false);
            writtenBeforeStop = serde.serializer().serialize(KNOWN_TOPIC, EVENT);
            serde.deserializer().deserialize(KNOWN_TOPIC, writtenBeforeStop);
        }
    }

    @Test
    void shouldSerializeKnownSchemaWhenRegistryStopped() {
        assertThat(serde.serializer().serialize(KNOWN_TOPIC, EVENT)).isEqualTo(writtenBeforeStop);
    }

    @Test
    void shouldDeserializeKnownSchemaIdWhenRegistryStopped() {
        assertThat(serde.deserializer().deserialize(KNOWN_TOPIC, writtenBeforeStop)).isEqualTo(EVENT);
    }

    @Test
    void shouldThrowRegistryUnavailableNamingUrlWhenSerializingForNewSubjectWithRegistryStopped() {
        assertThatThrownBy(() -> serde.serializer().serialize("outage-new", EVENT))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("2 attempt(s)");
    }

    @Test
    void shouldThrowRegistryUnavailableNamingUrlWhenDeserializingUnseenIdWithRegistryStopped() {
        final byte[] unseen = writtenBeforeStop.clone();
        unseen[WireFormat.HEADER_LENGTH - 1]++;

        assertThatThrownBy(() -> serde.deserializer().deserialize(KNOWN_TOPIC, unseen))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining(url);
    }
}
