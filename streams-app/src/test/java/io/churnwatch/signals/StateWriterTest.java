package io.churnwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class StateWriterTest {

    @Test
    void shouldWriteAvroBinaryEncodingWhenGivenPrimitives() throws IOException {
        final Random random = new Random(20_261_126L);
        final StateWriter writer = new StateWriter(1);
        final ByteArrayOutputStream avroBytes = new ByteArrayOutputStream();
        final BinaryEncoder avro = EncoderFactory.get().directBinaryEncoder(avroBytes, null);
        for (int i = 0; i < 500; i++) {
            final int n = random.nextInt() >> random.nextInt(32);
            final long l = random.nextLong() >> random.nextInt(64);
            final String s = "feature-" + Integer.toHexString(n) + (i % 7 == 0 ? "-\u00e9\u4e2d" : "");
            writer.writeInt(n);
            writer.writeLong(l);
            writer.writeBoolean(i % 3 == 0);
            writer.writeString(s);
            avro.writeInt(n);
            avro.writeLong(l);
            avro.writeBoolean(i % 3 == 0);
            avro.writeString(s);
        }
        avro.flush();

        assertThat(writer.toByteArray()).isEqualTo(avroBytes.toByteArray());
    }

    @Test
    void shouldKeepEarlierBytesWhenGrowingPastCapacity() throws IOException {
        final StateWriter writer = new StateWriter(1);
        writer.writeByte((byte) 7);
        writer.writeString("x".repeat(300));
        writer.writeLong(Long.MIN_VALUE);

        final byte[] bytes = writer.toByteArray();
        final StateReader in = new StateReader(bytes, 1, AccountStateSerde.VERSION);

        assertThat(bytes[0]).isEqualTo((byte) 7);
        assertThat(in.readString()).isEqualTo("x".repeat(300));
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.isEnd()).isTrue();
    }
}
