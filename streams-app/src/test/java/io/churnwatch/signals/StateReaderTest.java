package io.churnwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class StateReaderTest {

    private static StateReader reader(final byte... bytes) {
        return new StateReader(bytes, 0, AccountStateSerde.VERSION);
    }

    @Test
    void shouldReadValuesWhenWrittenByAvroEncoder() throws IOException {
        final Random random = new Random(20_261_127L);
        final int[] ints = new int[300];
        final long[] longs = new long[ints.length];
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final BinaryEncoder avro = EncoderFactory.get().directBinaryEncoder(bytes, null);
        for (int i = 0; i < ints.length; i++) {
            ints[i] = random.nextInt() >> random.nextInt(32);
            longs[i] = random.nextLong() >> random.nextInt(64);
            avro.writeInt(ints[i]);
            avro.writeLong(longs[i]);
            avro.writeBoolean(i % 3 == 0);
            avro.writeString("f-" + ints[i] + "-\u00e9\u4e2d");
        }
        avro.flush();

        final StateReader in = new StateReader(bytes.toByteArray(), 0, 1);
        for (int i = 0; i < ints.length; i++) {
            assertThat(in.readInt()).isEqualTo(ints[i]);
            assertThat(in.readLong()).isEqualTo(longs[i]);
            assertThat(in.readBoolean()).isEqualTo(i % 3 == 0);
            assertThat(in.readString()).isEqualTo("f-" + ints[i] + "-\u00e9\u4e2d");
        }
        assertThat(in.isEnd()).isTrue();
    }

    @Test
    void shouldRejectVarintWhenLongerThanTenBytes() {
        final byte[] bytes = new byte[11];
        Arrays.fill(bytes, (byte) 0x80);

        assertThatThrownBy(() -> reader(bytes).readLong()).isInstanceOf(IOException.class);
    }

    @Test
    void shouldRejectIntWhenLongerThanFiveBytes() {
        assertThatThrownBy(() -> reader((byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 1)
                .readInt()).isInstanceOf(IOException.class);
    }

    @Test
    void shouldRejectStringWhenLengthPassesEnd() {
        assertThatThrownBy(() -> reader((byte) 8, (byte) 'a', (byte) 'b').readString())
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldRejectValueWhenBytesEndInsideIt() {
        assertThatThrownBy(() -> reader((byte) 0x81).readLong()).isInstanceOf(IOException.class);
    }

    @Test
    void shouldRejectBooleanWhenNeitherZeroNorOne() {
        assertThatThrownBy(() -> reader((byte) 2).readBoolean()).isInstanceOf(IOException.class);
    }
}
