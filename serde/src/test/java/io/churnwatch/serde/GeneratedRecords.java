package io.churnwatch.serde;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.signals.ChurnRiskAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The generated record classes of the schemas module, found on the class path (so a new schema is tested
 * without editing a list), and seeded random instances of them filled from their schemas.
 */
final class GeneratedRecords {

    private static final List<Class<?>> ANCHORS = List.of(UsageEvent.class, ChurnRiskAlert.class);

    private GeneratedRecords() {
    }

    /** Every generated record class in the packages of the events and the signals. */
    static List<Class<? extends SpecificRecord>> all() {
        final List<Class<? extends SpecificRecord>> classes = new ArrayList<>();
        for (final Class<?> anchor : ANCHORS) {
            classNames(anchor).map(GeneratedRecords::load)
                    .filter(type -> SpecificRecordBase.class.isAssignableFrom(type))
                    .forEach(type -> classes.add(type.asSubclass(SpecificRecord.class)));
        }
        classes.sort((left, right) -> left.getName().compareTo(right.getName()));
        return classes;
    }

    /** A record of {@code type} with every field set to a random value drawn from {@code random}. */
    static <T extends SpecificRecord> T random(final Class<T> type, final Random random) {
        return type.cast(value(SpecificData.get().getSchema(type), random));
    }

    private static Object value(final Schema schema, final Random random) {
        return switch (schema.getType()) {
            case RECORD -> {
                final SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
                schema.getFields().forEach(field -> record.put(field.pos(), value(field.schema(), random)));
                yield record;
            }
            case ENUM -> SpecificData.get().createEnum(
                    schema.getEnumSymbols().get(random.nextInt(schema.getEnumSymbols().size())), schema);
            case ARRAY -> {
                final List<Object> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(value(schema.getElementType(), random));
                }
                yield items;
            }
            case MAP -> {
                final Map<String, Object> entries = new HashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    entries.put(text(random), value(schema.getValueType(), random));
                }
                yield entries;
            }
            case UNION -> value(schema.getTypes().get(random.nextInt(schema.getTypes().size())), random);
            case STRING -> text(random);
            case INT -> random.nextInt();
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                    ? Instant.ofEpochMilli(random.nextLong() >>> 24) : random.nextLong();
            case DOUBLE -> random.nextDouble();
            case FLOAT -> random.nextFloat();
            case BOOLEAN -> random.nextBoolean();
            case BYTES -> ByteBuffer.wrap(text(random).getBytes(StandardCharsets.UTF_8));
            case NULL -> null;
            case FIXED -> throw new IllegalArgumentException("No fixed type in the schemas: " + schema);
        };
    }

    private static String text(final Random random) {
        final StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static Stream<String> classNames(final Class<?> anchor) {
        final String folder = anchor.getPackageName().replace('.', '/');
        final URL location = anchor.getResource(anchor.getSimpleName() + ".class");
        try {
            final List<String> entries = "jar".equals(location.getProtocol())
                    ? Collections.list(((JarURLConnection) location.openConnection()).getJarFile().entries())
                            .stream().map(entry -> entry.getName()).toList()
                    : listFolder(Path.of(location.toURI()).getParent(), folder);
            return entries.stream()
                    .filter(name -> name.startsWith(folder + "/") && name.endsWith(".class") && !name.contains("$"))
                    .filter(name -> name.indexOf('/', folder.length() + 1) < 0)
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> listFolder(final Path folder, final String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> prefix + "/" + file.getFileName()).toList();
        }
    }

    private static Class<?> load(final String name) {
        try {
            return Class.forName(name);
        } catch (final ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
