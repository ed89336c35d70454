package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void shouldWriteMagicByteThenBigEndianIdWhenWritingHeader() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        WireFormat.writeHeader(out, 0x01020304);

        assertThat(out.toByteArray()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void shouldReadBackIdWhenHeaderWasWritten() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, 0x7f00ff01);
        out.write(42);

        assertThat(WireFormat.schemaId(out.toByteArray())).isEqualTo(0x7f00ff01);
    }

    @Test
    void shouldRejectWithReasonWhenShorterThanHeader() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOfSatisfying(InvalidWireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid-wire-format"))
                .hasMessageContaining("3 bytes");
    }

    @Test
    void shouldRejectWithReasonWhenMagicByteIsNotZero() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(InvalidWireFormatException.class)
                .hasMessageContaining("magic byte 0x01");
    }
}
