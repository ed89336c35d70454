package io.churnwatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Older and newer versions of a record schema, and framing of records written with them. */
final class SchemaVariants {

    private SchemaVariants() {
    }

    /** {@code base} without the named fields, as an older version before they were added. */
    static Schema without(final Schema base, final Set<String> names) {
        final List<Schema.Field> fields = new ArrayList<>();
        base.getFields().stream().filter(field -> !names.contains(field.name()))
                .forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        return record(base, fields);
    }

    /** {@code base} with one more field at the end, as a newer version. */
    static Schema with(final Schema base, final Schema.Field extra) {
        final List<Schema.Field> fields = new ArrayList<>();
        base.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(extra);
        return record(base, fields);
    }

    /** {@code record} in the Confluent framing with schema id {@code id}. */
    static byte[] frame(final int id, final GenericRecord record) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, id);
        try {
            final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Schema record(final Schema base, final List<Schema.Field> fields) {
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }
}
