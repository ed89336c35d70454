package io.churnwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event contract only evolves BACKWARD-compatibly: the current schema of every record reads data written
 * with each released version under {@code schemas/released/}, and every enum has a default symbol so that an
 * old reader survives a symbol added later.
 */
class SchemaEvolutionTest {

    private static final Path RELEASED = Path.of("released");

    private static final Map<String, Schema> CURRENT = Stream.of(
                    UsageEvent.getClassSchema(), SupportTicketEvent.getClassSchema(), BillingEvent.getClassSchema(),
                    AccountProfile.getClassSchema(), HealthScoreUpdate.getClassSchema(), ChurnRiskAlert.getClassSchema())
            .collect(Collectors.toMap(Schema::getFullName, Function.identity()));

    static List<Path> releasedSchemas() throws IOException {
        try (Stream<Path> files = Files.walk(RELEASED)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void shouldReadEveryReleasedVersionWhenSchemasEvolve(final Path released) throws IOException {
        final Schema writer = new Schema.Parser().parse(released.toFile());
        final Schema reader = CURRENT.get(writer.getFullName());

        assertThat(reader).as("current schema of %s", writer.getFullName()).isNotNull();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType())
                .as("current %s reading data written with %s", writer.getFullName(), released)
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldKeepEveryRecordReleasedWhenARecordIsAdded() throws IOException {
        final Set<String> released = new HashSet<>();
        for (final Path file : releasedSchemas()) {
            released.add(new Schema.Parser().parse(file.toFile()).getFullName());
        }
        assertThat(released).containsAll(CURRENT.keySet());
    }

    @Test
    void shouldRefuseAFieldWithoutDefaultWhenCheckedAgainstTheReleasedVersion() throws IOException {
        final Path released = RELEASED.resolve("1").resolve("io.churnwatch.events.UsageEvent.avsc");
        final Schema writer = new Schema.Parser().parse(released.toFile());
        final Schema withNewRequiredField = withExtraField(UsageEvent.getClassSchema(), "region");

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(withNewRequiredField, writer).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void shouldGiveEveryEnumADefaultWhenSymbolsAreAddedLater() {
        final List<String> withoutDefault = new ArrayList<>();
        CURRENT.values().forEach(schema -> collectEnumsWithoutDefault(schema, new HashSet<>(), withoutDefault));
        assertThat(withoutDefault).isEmpty();
    }

    private static Schema withExtraField(final Schema schema, final String name) {
        final List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field(name, SchemaBuilder.builder().stringType()));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static void collectEnumsWithoutDefault(final Schema schema, final Set<String> seen, final List<String> out) {
        switch (schema.getType()) {
            case ENUM -> {
                if (seen.add(schema.getFullName()) && schema.getEnumDefault() == null) {
                    out.add(schema.getFullName());
                }
            }
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collectEnumsWithoutDefault(f.schema(), seen, out));
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collectEnumsWithoutDefault(t, seen, out));
            case ARRAY -> collectEnumsWithoutDefault(schema.getElementType(), seen, out);
            case MAP -> collectEnumsWithoutDefault(schema.getValueType(), seen, out);
            default -> {
                // primitive types carry no enum
            }
        }
    }
}
