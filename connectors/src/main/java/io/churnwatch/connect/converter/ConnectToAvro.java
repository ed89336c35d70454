package io.churnwatch.connect.converter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect schemas and values as Avro, for a source (or an SMT such as the CDC billing mapping) writing our topics.
 *
 * <p>The writer schema is the Avro text a STRUCT carries in {@value AvroToConnect#AVRO_SCHEMA} when it came from
 * {@link AvroToConnect} (so the registry answers the id it already has), else one derived from the Connect schema:
 * STRUCT → record (named by the schema's name, else {@code io.churnwatch.connect.ConnectRecord}), optional →
 * union of null first with default null, a STRING with {@value AvroToConnect#ENUM} → enum of its symbols,
 * {@link Timestamp} → {@code timestamp-millis}, INT8/INT16 → int, MAP of STRING keys → map. Values: a field that
 * the Avro record has and the Struct lacks takes the Avro default, or is refused when it has none; an enum value
 * outside the symbols is refused. Failures are {@link DataException}s naming the field. Thread-safe.
 */
public final class ConnectToAvro {

    private static final String DEFAULT_RECORD = "io.churnwatch.connect.ConnectRecord";

    private final Map<org.apache.kafka.connect.data.Schema, Schema> schemas = new ConcurrentHashMap<>();

    /** The Avro writer schema of {@code connect}. */
    public Schema schema(final org.apache.kafka.connect.data.Schema connect) {
        final Schema known = schemas.get(connect);
        return known != null ? known : schemas.computeIfAbsent(connect, ConnectToAvro::derive);
    }

    /** The Avro datum of {@code value} for {@code avro}. */
    public Object value(final Schema avro, final Object value) {
        return convert(avro, value, avro.getName());
    }

    private static Schema derive(final org.apache.kafka.connect.data.Schema connect) {
        final String carried = connect.parameters() == null ? null : connect.parameters().get(AvroToConnect.AVRO_SCHEMA);
        if (carried != null) {
            return new Schema.Parser().parse(carried);
        }
        return build(connect);
    }

    private static Schema build(final org.apache.kafka.connect.data.Schema connect) {
        final Schema plain = plain(connect);
        return connect.isOptional() ? Schema.createUnion(Schema.create(Schema.Type.NULL), plain) : plain;
    }

    private static Schema plain(final org.apache.kafka.connect.data.Schema connect) {
        if (Timestamp.LOGICAL_NAME.equals(connect.name())) {
            return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        }
        return switch (connect.type()) {
            case STRUCT -> record(connect);
            case STRING -> connect.parameters() != null && connect.parameters().containsKey(AvroToConnect.ENUM)
                    ? enumeration(connect) : Schema.create(Schema.Type.STRING);
            case INT8, INT16, INT32 -> Schema.create(Schema.Type.INT);
            case INT64 -> Schema.create(Schema.Type.LONG);
            case FLOAT32 -> Schema.create(Schema.Type.FLOAT);
            case FLOAT64 -> Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case BYTES -> Schema.create(Schema.Type.BYTES);
            case ARRAY -> Schema.createArray(build(connect.valueSchema()));
            case MAP -> {
                if (connect.keySchema().type() != org.apache.kafka.connect.data.Schema.Type.STRING) {
                    throw new DataException("Only maps with STRING keys map to Avro, not " + connect.keySchema().type());
                }
                yield Schema.createMap(build(connect.valueSchema()));
            }
        };
    }

    private static Schema record(final org.apache.kafka.connect.data.Schema connect) {
        final String name = connect.name() != null ? connect.name() : DEFAULT_RECORD;
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(name).doc(connect.doc()).fields();
        for (final Field field : connect.fields()) {
            final Schema type = build(field.schema());
            fields = field.schema().isOptional()
                    ? fields.name(field.name()).type(type).withDefault(null)
                    : fields.name(field.name()).type(type).noDefault();
        }
        return fields.endRecord();
    }

    private static Schema enumeration(final org.apache.kafka.connect.data.Schema connect) {
        final String prefix = AvroToConnect.ENUM + ".";
        final List<String> symbols = connect.parameters().keySet().stream().filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length())).toList();
        return Schema.createEnum(connect.parameters().get(AvroToConnect.ENUM), connect.doc(), null, symbols);
    }

    private static Object convert(final Schema avro, final Object value, final String path) {
        if (value == null) {
            if (avro.isNullable()) {
                return null;
            }
            throw new DataException("Field " + path + " is null but the Avro schema does not allow null");
        }
        return switch (avro.getType()) {
            case RECORD -> record(avro, value, path);
            case UNION -> convert(AvroToConnect.nonNullBranch(avro), value, path);
            case ENUM -> {
                final String symbol = value.toString();
                if (!avro.hasEnumSymbol(symbol)) {
                    throw new DataException("Field " + path + " is '" + symbol + "', not one of " + avro.getEnumSymbols());
                }
                yield new GenericData.EnumSymbol(avro, symbol);
            }
            case LONG -> value instanceof Date date ? date.getTime() : ((Number) value).longValue();
            case INT -> ((Number) value).intValue();
            case BYTES -> value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
            case ARRAY -> {
                final List<Object> items = new ArrayList<>();
                for (final Object item : (Iterable<?>) value) {
                    items.add(convert(avro.getElementType(), item, path + "[]"));
                }
                yield items;
            }
            case MAP -> {
                final Map<String, Object> entries = new LinkedHashMap<>();
                for (final Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    entries.put(entry.getKey().toString(),
                            convert(avro.getValueType(), entry.getValue(), path + "." + entry.getKey()));
                }
                yield entries;
            }
            case STRING -> value.toString();
            default -> value;
        };
    }

    private static GenericData.Record record(final Schema avro, final Object value, final String path) {
        if (!(value instanceof Struct struct)) {
            throw new DataException("Field " + path + " must be a Struct for record " + avro.getFullName());
        }
        final GenericData.Record record = new GenericData.Record(avro);
        for (final Schema.Field field : avro.getFields()) {
            final String fieldPath = path + "." + field.name();
            if (struct.schema().field(field.name()) != null) {
                record.put(field.pos(), convert(field.schema(), struct.get(field.name()), fieldPath));
            } else if (field.hasDefaultValue()) {
                record.put(field.pos(), field.defaultVal() == JsonProperties.NULL_VALUE ? null
                        : GenericData.get().getDefaultValue(field));
            } else {
                throw new DataException("Field " + fieldPath + " is required by " + avro.getFullName()
                        + " and missing from the record");
            }
        }
        return record;
    }
}
