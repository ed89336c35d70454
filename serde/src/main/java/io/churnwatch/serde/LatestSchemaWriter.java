package io.churnwatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes a record in the encoding of another schema, the subject's latest version under
 * {@code use.latest.version}: the record is encoded with its own schema, read back through Avro schema
 * resolution with the latest schema as reader (fields matched by name, missing ones taking the latest
 * schema's defaults, unknown ones dropped), and written with the latest schema.
 *
 * <p>Only used when the two schemas encode differently; thread-safe.
 */
final class LatestSchemaWriter {

    private final DatumWriter<Object> own;
    private final GenericDatumReader<Object> resolver;
    private final GenericDatumWriter<Object> target;

    /**
     * @throws SchemaResolutionException when data of {@code recordSchema} cannot be read with {@code latest}
     */
    LatestSchemaWriter(final Schema recordSchema, final DatumWriter<Object> own, final RegisteredSchema latest) {
        final SchemaPairCompatibility verdict = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(),
                recordSchema);
        if (verdict.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SchemaResolutionException(String.format(Locale.ROOT,
                    "use.latest.version: %s cannot be written with the latest schema of subject '%s' "
                            + "(version %d, id %d), which cannot read it: %s", recordSchema.getFullName(),
                    latest.subject(), latest.version(), latest.id(), verdict.getDescription()));
        }
        this.own = own;
        this.resolver = new GenericDatumReader<>(recordSchema, latest.schema());
        this.target = new GenericDatumWriter<>(latest.schema());
    }

    void write(final Object record, final Encoder out) throws IOException {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
        own.write(record, encoder);
        final Object converted = resolver.read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
        target.write(converted, out);
    }
}
