package io.churnwatch.backtest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link BacktestReport} as JSON: the records' components as fields (ratios as fractions, lead times in
 * days), a figure without a value (NaN, e.g. the median of no lead times) as null, for scripts and notebooks that
 * compare runs.
 */
public final class BacktestJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .registerModule(new SimpleModule().addSerializer(Double.class, new NanAsNull())
                    .addSerializer(double.class, new NanAsNull()));

    private BacktestJson() {
    }

    public static void write(final BacktestReport report, final Writer out) throws IOException {
        JSON.writeValue(out, report);
        out.write(System.lineSeparator());
    }

    /** Writes NaN as null: JSON has no NaN. */
    private static final class NanAsNull extends StdSerializer<Double> {
        NanAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(final Double value, final JsonGenerator gen, final SerializerProvider provider)
                throws IOException {
            if (value.isNaN()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
