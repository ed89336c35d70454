package io.churnwatch.connect.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    private static final Instant AT = Instant.parse("2026-05-14T09:30:00.123456Z");
    private static final Schema VARIABLE = SchemaBuilder.struct().name("io.debezium.data.VariableScaleDecimal")
            .field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).optional().build();
    private static final Schema ROW = SchemaBuilder.struct()
            .field("micros", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").optional().build())
            .field("millis", SchemaBuilder.int64().name("io.debezium.time.Timestamp").optional().build())
            .field("connect", Timestamp.builder().optional().build())
            .field("local", SchemaBuilder.string().optional().build())
            .field("decimal", Decimal.builder(2).optional().build())
            .field("variable", VARIABLE)
            .field("text", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    @Test
    void shouldReadEveryDebeziumTimeWhenTimePrecisionModesDiffer() {
        final Struct row = new Struct(ROW).put("micros", AT.getEpochSecond() * 1_000_000 + 123_456)
                .put("millis", AT.toEpochMilli()).put("connect", Date.from(AT)).put("local", "2026-05-14T09:30:00");

        assertThat(Columns.instant(row, "micros")).isEqualTo(AT);
        assertThat(Columns.instant(row, "millis")).isEqualTo(Instant.parse("2026-05-14T09:30:00.123Z"));
        assertThat(Columns.instant(row, "connect")).isEqualTo(Instant.parse("2026-05-14T09:30:00.123Z"));
        assertThat(Columns.instant(row, "local")).isEqualTo(Instant.parse("2026-05-14T09:30:00Z"));
    }

    @Test
    void shouldReadWholeCentsWhenTheColumnIsANumeric() {
        final Struct row = new Struct(ROW).put("decimal", new BigDecimal("4900.00"))
                .put("variable", new Struct(VARIABLE).put("scale", 0).put("value", BigInteger.valueOf(4_900).toByteArray()))
                .put("text", "4900");

        assertThat(Columns.whole(row, "decimal")).isEqualTo(4_900L);
        assertThat(Columns.whole(row, "variable")).isEqualTo(4_900L);
        assertThat(Columns.whole(row, "text")).isEqualTo(4_900L);
    }

    @Test
    void shouldRefuseTheValueWhenCentsHaveAFraction() {
        final Struct row = new Struct(ROW).put("decimal", new BigDecimal("49.50"));

        assertThatThrownBy(() -> Columns.whole(row, "decimal")).isInstanceOf(Columns.BadValueException.class)
                .hasMessageContaining("decimal is 49.50");
    }

    @Test
    void shouldBeNullWhenTheColumnIsNotInTheTableOrNotConfigured() {
        final Struct row = new Struct(ROW);

        assertThat(Columns.text(row, "missing")).isNull();
        assertThat(Columns.instant(row, "")).isNull();
        assertThat(Columns.whole(row, "decimal")).isNull();
    }

    @Test
    void shouldReadAFlagWhenItIsStoredAsText() {
        assertThat(Columns.flag(new Struct(ROW).put("text", "t"), "text")).isTrue();
        assertThatThrownBy(() -> Columns.flag(new Struct(ROW).put("text", "maybe"), "text"))
                .isInstanceOf(Columns.BadValueException.class);
    }
}
