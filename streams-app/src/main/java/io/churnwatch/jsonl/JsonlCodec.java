package io.churnwatch.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads and writes one event of the churnwatch contract as one line of JSON (JSONL).
 *
 * <p>Property names are the Avro field names of the contract, exactly. Timestamps are read from ISO-8601 strings
 * with an offset ({@code 2026-01-05T10:00:00Z}, {@code 2026-01-05T11:00:00+01:00}) or epoch millis, and written
 * as ISO-8601 UTC; enums by symbol name; nullable fields may be absent or null; a missing field with a default
 * (e.g. {@code quantity}) takes the default. Unknown properties are ignored, so lines from a newer producer
 * still load. Lines are validated field by field: not JSON, not an object, a missing required field, a wrong
 * type, an unknown enum symbol or a blank {@code accountId} give a {@link ParseResult} rejection with a one-line
 * reason; no exception escapes for bad data.
 *
 * <p>The codecs are immutable and thread-safe.
 *
 * @param <T> generated Avro record class
 */
public final class JsonlCodec<T extends SpecificRecord> {

    private static final String ACCOUNT_ID = "accountId";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectReader READER = MAPPER.reader();

    private static final JsonlCodec<UsageEvent> USAGE =
            new JsonlCodec<>(UsageEvent.getClassSchema(), UsageEvent::new);
    private static final JsonlCodec<SupportTicketEvent> TICKETS =
            new JsonlCodec<>(SupportTicketEvent.getClassSchema(), SupportTicketEvent::new);
    private static final JsonlCodec<BillingEvent> BILLING =
            new JsonlCodec<>(BillingEvent.getClassSchema(), BillingEvent::new);
    private static final JsonlCodec<AccountProfile> ACCOUNTS =
            new JsonlCodec<>(AccountProfile.getClassSchema(), AccountProfile::new);

    private final Schema schema;
    private final Supplier<T> factory;
    private final List<FieldCodec> fields;
    private final int accountIdPos;

    private JsonlCodec(final Schema schema, final Supplier<T> factory) {
        this.schema = schema;
        this.factory = factory;
        this.fields = FieldCodec.forSchema(schema, List.of(ACCOUNT_ID));
        this.accountIdPos = Objects.requireNonNull(schema.getField(ACCOUNT_ID),
                () -> schema.getFullName() + " has no accountId").pos();
    }

    /** Codec of {@link UsageEvent} (topic product-usage). */
    public static JsonlCodec<UsageEvent> usage() {
        return USAGE;
    }

    /** Codec of {@link SupportTicketEvent} (topic support-tickets). */
    public static JsonlCodec<SupportTicketEvent> tickets() {
        return TICKETS;
    }

    /** Codec of {@link BillingEvent} (topic billing). */
    public static JsonlCodec<BillingEvent> billing() {
        return BILLING;
    }

    /** Codec of {@link AccountProfile} (topic accounts). */
    public static JsonlCodec<AccountProfile> accounts() {
        return ACCOUNTS;
    }

    /** The Avro schema of the records this codec reads and writes. */
    public Schema schema() {
        return schema;
    }

    /**
     * Parses one line.
     *
     * @param line the line's text, without its line terminator
     * @param lineNo 1-based number of the line, reported in a rejection
     * @return the record, or a rejection with a one-line reason
     */
    public ParseResult<T> parse(final String line, final long lineNo) {
        if (line == null || line.isBlank()) {
            return ParseResult.rejected(lineNo, "empty line", line);
        }
        final JsonNode node;
        try {
            node = READER.readTree(line);
        } catch (final JsonProcessingException e) {
            return ParseResult.rejected(lineNo, "not valid JSON: " + e.getOriginalMessage(), line);
        } catch (final IOException e) {
            return ParseResult.rejected(lineNo, "not valid JSON: " + e.getMessage(), line);
        }
        if (!node.isObject()) {
            return ParseResult.rejected(lineNo, "not a JSON object but " + node.getNodeType(), line);
        }
        final T record = factory.get();
        try {
            for (final FieldCodec field : fields) {
                record.put(field.pos(), field.read(node));
            }
        } catch (final RejectedFieldException e) {
            return ParseResult.rejected(lineNo, e.getMessage(), line);
        }
        return ParseResult.ok(lineNo, record);
    }

    /** One line of JSON (without a line terminator) holding every field of {@code record}, nulls included. */
    public String write(final T record) {
        final StringWriter out = new StringWriter(256);
        try (JsonGenerator gen = MAPPER.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            for (final FieldCodec field : fields) {
                field.write(gen, record.get(field.pos()));
            }
            gen.writeEndObject();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + schema.getName(), e);
        }
        return out.toString();
    }

    /**
     * The {@code accountId} of a record of this codec's type: the Kafka record key. Takes any record so that a
     * caller holding a {@code JsonlCodec<?>} (e.g. from {@link EventKind}) can key what it parsed.
     *
     * @throws IllegalArgumentException if the record is of another type
     */
    public String accountId(final SpecificRecord record) {
        if (!schema.equals(record.getSchema())) {
            throw new IllegalArgumentException(record.getSchema().getName() + " is not a " + schema.getName());
        }
        return (String) record.get(accountIdPos);
    }

    @Override
    public String toString() {
        return "JsonlCodec[" + schema.getName() + "]";
    }
}
