package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.UsageEvent;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

    private static final Schema CURRENT = UsageEvent.getClassSchema();
    private static final Schema OLDER = SchemaVariants.without(CURRENT, Set.of("feature"));

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldGiveSameIdWhenSameSchemaIsRegisteredUnderTwoSubjects() {
        assertThat(registry.register("a-value", CURRENT)).isEqualTo(registry.register("b-value", CURRENT));
    }

    @Test
    void shouldNumberVersionsWhenSubjectEvolves() {
        registry.register("usage-value", OLDER);
        final int id = registry.register("usage-value", CURRENT);

        assertThat(registry.getLatestSchema("usage-value"))
                .isEqualTo(new RegisteredSchema("usage-value", 2, id, CURRENT));
        assertThat(registry.lookup("usage-value", OLDER).version()).isEqualTo(1);
    }

    @Test
    void shouldRejectWith409WhenNewVersionCannotReadLatest() {
        registry.register("usage-value", CURRENT);
        final Schema incompatible = SchemaVariants.with(CURRENT,
                new Schema.Field("region", Schema.create(Schema.Type.STRING)));

        assertThatThrownBy(() -> registry.register("usage-value", incompatible))
                .isInstanceOfSatisfying(RegistryRequestException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(registry.testCompatibility("usage-value", incompatible).compatible()).isFalse();
    }

    @Test
    void shouldThrowNotRegisteredWhenLookingUpAbsentSchema() {
        registry.register("usage-value", OLDER);

        assertThatThrownBy(() -> registry.lookup("usage-value", CURRENT))
                .isInstanceOfSatisfying(SchemaNotRegisteredException.class,
                        e -> assertThat(e.subject()).isEqualTo("usage-value"));
    }

    @Test
    void shouldShareRegistryWhenScopeIsTheSame() {
        final String scope = "in-memory-test";
        try {
            InMemorySchemaRegistryClient.forScope(scope).register("usage-value", CURRENT);

            assertThat(InMemorySchemaRegistryClient.forScope(scope).subjects()).containsExactly("usage-value");
        } finally {
            InMemorySchemaRegistryClient.dropScope(scope);
        }
    }
}
