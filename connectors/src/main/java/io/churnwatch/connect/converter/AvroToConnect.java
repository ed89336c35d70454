package io.churnwatch.connect.converter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and values as Connect sees them, so that any sink (JDBC, Elasticsearch, S3, our webhook) reads the
 * contract's records as structured data.
 *
 * <p>Mapping: record → STRUCT (named by the record's full name), string → STRING, int/long/float/double/boolean/
 * bytes → INT32/INT64/FLOAT32/FLOAT64/BOOLEAN/BYTES, {@code timestamp-millis} → Connect {@link Timestamp},
 * enum → STRING carrying its name and symbols in the parameters Confluent's AvroConverter uses
 * ({@value #ENUM}, {@code ENUM.<symbol>}), array → ARRAY, map → MAP of STRING keys, a union of null and one type →
 * that type, optional. A record schema also carries its whole Avro text ({@value #AVRO_SCHEMA}) so that
 * {@link ConnectToAvro} writes it back under the same registry id. Other unions are refused with a
 * {@link DataException}. Connect schemas are cached per Avro schema; thread-safe.
 */
public final class AvroToConnect {

    /** Parameter of an enum's STRING schema: the Avro enum's full name (as Confluent's converter names it). */
    public static final String ENUM = "io.confluent.connect.avro.Enum";
    /** Parameter of a record's STRUCT schema: the Avro schema it came from, in its canonical text. */
    public static final String AVRO_SCHEMA = "io.churnwatch.avro.schema";

    private final Map<Schema, org.apache.kafka.connect.data.Schema> schemas = new ConcurrentHashMap<>();

    /** The Connect schema of {@code avro}. */
    public org.apache.kafka.connect.data.Schema schema(final Schema avro) {
        final org.apache.kafka.connect.data.Schema known = schemas.get(avro);
        return known != null ? known : schemas.computeIfAbsent(avro, s -> build(s, false, true));
    }

    /** The Connect value of {@code value}, an Avro datum of {@code avro} (generic or specific). */
    public Object value(final Schema avro, final Object value) {
        return convert(schema(avro), avro, value);
    }

    private static org.apache.kafka.connect.data.Schema build(final Schema avro, final boolean optional,
                                                              final boolean root) {
        if (avro.getType() == Schema.Type.UNION) {
            return build(nonNullBranch(avro), true, false);
        }
        final SchemaBuilder builder = switch (avro.getType()) {
            case RECORD -> record(avro, root);
            case STRING -> SchemaBuilder.string();
            case INT -> SchemaBuilder.int32();
            case LONG -> isTimestamp(avro) ? Timestamp.builder() : SchemaBuilder.int64();
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case BOOLEAN -> SchemaBuilder.bool();
            case BYTES -> SchemaBuilder.bytes();
            case ENUM -> enumeration(avro);
            case ARRAY -> SchemaBuilder.array(build(avro.getElementType(), false, false));
            case MAP -> SchemaBuilder.map(org.apache.kafka.connect.data.Schema.STRING_SCHEMA,
                    build(avro.getValueType(), false, false));
            default -> throw new DataException("Avro type " + avro.getType() + " has no Connect mapping (" + avro + ")");
        };
        if (optional) {
            builder.optional();
        }
        if (avro.getDoc() != null) {
            builder.doc(avro.getDoc());
        }
        return builder.build();
    }

    private static SchemaBuilder record(final Schema avro, final boolean root) {
        final SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
        for (final Schema.Field field : avro.getFields()) {
            struct.field(field.name(), build(field.schema(), false, false));
        }
        if (root) {
            struct.parameter(AVRO_SCHEMA, avro.toString());
        }
        return struct;
    }

    private static SchemaBuilder enumeration(final Schema avro) {
        final SchemaBuilder string = SchemaBuilder.string().name(avro.getFullName()).parameter(ENUM, avro.getFullName());
        for (final String symbol : avro.getEnumSymbols()) {
            string.parameter(ENUM + "." + symbol, symbol);
        }
        return string;
    }

    static Schema nonNullBranch(final Schema union) {
        final List<Schema> branches = union.getTypes();
        if (branches.size() == 2 && branches.get(0).getType() == Schema.Type.NULL) {
            return branches.get(1);
        }
        if (branches.size() == 2 && branches.get(1).getType() == Schema.Type.NULL) {
            return branches.get(0);
        }
        throw new DataException("Only unions of null and one type map to Connect, not " + union);
    }

    static boolean isTimestamp(final Schema avro) {
        final LogicalType logical = avro.getLogicalType();
        return logical instanceof LogicalTypes.TimestampMillis;
    }

    private static Object convert(final org.apache.kafka.connect.data.Schema connect, final Schema avro,
                                  final Object value) {
        if (value == null) {
            return null;
        }
        return switch (avro.getType()) {
            case RECORD -> {
                final GenericRecord record = (GenericRecord) value;
                final Struct struct = new Struct(connect);
                for (final Schema.Field field : avro.getFields()) {
                    struct.put(field.name(), convert(connect.field(field.name()).schema(), field.schema(),
                            record.get(field.pos())));
                }
                yield struct;
            }
            case STRING, ENUM -> value.toString();
            case LONG -> isTimestamp(avro) ? timestamp(value) : value;
            case BYTES -> value instanceof ByteBuffer buffer ? bytes(buffer) : value;
            case ARRAY -> {
                final List<Object> items = new ArrayList<>();
                for (final Object item : (Iterable<?>) value) {
                    items.add(convert(connect.valueSchema(), avro.getElementType(), item));
                }
                yield items;
            }
            case MAP -> {
                final Map<String, Object> entries = new LinkedHashMap<>();
                for (final Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    entries.put(entry.getKey().toString(),
                            convert(connect.valueSchema(), avro.getValueType(), entry.getValue()));
                }
                yield entries;
            }
            case UNION -> convert(connect, nonNullBranch(avro), value);
            default -> value;
        };
    }

    private static Date timestamp(final Object value) {
        // A specific record with the logical type's conversion holds an Instant, a generic one the long.
        if (value instanceof java.time.Instant instant) {
            return Date.from(instant);
        }
        return new Date((Long) value);
    }

    private static byte[] bytes(final ByteBuffer buffer) {
        final byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
