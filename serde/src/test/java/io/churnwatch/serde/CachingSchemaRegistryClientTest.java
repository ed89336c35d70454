package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.UsageEvent;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final CountingSchemaRegistryClient counting = new CountingSchemaRegistryClient(registry);
    private final CachingSchemaRegistryClient caching = new CachingSchemaRegistryClient(counting);

    @Test
    void shouldKnowSchemaOfIdWithoutFetchingWhenItRegisteredIt() {
        final int id = caching.register("usage-value", UsageEvent.getClassSchema());

        assertThat(caching.getSchemaById(id)).isEqualTo(UsageEvent.getClassSchema());
        assertThat(counting.schemaFetches()).isZero();
    }

    @Test
    void shouldFetchSchemaOnceWhenAskedForSameIdRepeatedly() {
        final int id = registry.register("usage-value", UsageEvent.getClassSchema());

        for (int i = 0; i < 3; i++) {
            caching.getSchemaById(id);
        }

        assertThat(counting.schemaFetches()).isEqualTo(1);
    }

    @Test
    void shouldLookUpOnceWhenAskedForSameIdRepeatedly() {
        registry.register("usage-value", UsageEvent.getClassSchema());

        for (int i = 0; i < 3; i++) {
            caching.getId("usage-value", UsageEvent.getClassSchema());
        }

        assertThat(counting.lookups()).isEqualTo(1);
    }

    @Test
    void shouldAskAgainWhenEarlierRequestFailed() {
        assertThatThrownBy(() -> caching.getSchemaById(1)).isInstanceOf(UnknownSchemaIdException.class);
        registry.register("usage-value", UsageEvent.getClassSchema());

        assertThat(caching.getSchemaById(1)).isEqualTo(UsageEvent.getClassSchema());
        assertThat(counting.schemaFetches()).isEqualTo(2);
    }

    @Test
    void shouldNotWrapTwiceWhenClientAlreadyCaches() {
        assertThat(CachingSchemaRegistryClient.wrap(caching)).isSameAs(caching);
    }
}
