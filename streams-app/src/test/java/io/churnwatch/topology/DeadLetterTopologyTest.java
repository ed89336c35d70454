package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.login;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.UsageEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input goes to the dead-letter topic with reason and coordinates; good input keeps flowing. */
class DeadLetterTopologyTest {

    private final PipelineDriver pipeline = PipelineDriver.withDefaults();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldDeadLetterOriginalBytesWithReasonAndSourceWhenValueIsGarbage() {
        final byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        pipeline.sendBytes("product-usage", "acct-1", garbage, at(0, 9));

        final List<TestRecord<byte[], byte[]>> dead = pipeline.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(dead.get(0).key()).isEqualTo("acct-1".getBytes(StandardCharsets.UTF_8));
        assertThat(header(dead.get(0), DeadLetterProcessor.REASON)).isEqualTo("invalid-wire-format");
        assertThat(header(dead.get(0), DeadLetterProcessor.SOURCE_TOPIC)).isEqualTo("product-usage");
        assertThat(header(dead.get(0), DeadLetterProcessor.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead.get(0), DeadLetterProcessor.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(pipeline.counter("churnwatch.dlq.records", "topic", "product-usage", "reason", "invalid-wire-format"))
                .isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterWhenSchemaIdIsUnknown() {
        final byte[] unknownId = ByteBuffer.allocate(7).put((byte) 0).putInt(4242).put(new byte[] {2, 4}).array();
        pipeline.sendBytes("billing", "acct-1", unknownId, at(0, 9));

        assertThat(header(single(pipeline.deadLetters()), DeadLetterProcessor.REASON)).isEqualTo("unknown-schema-id");
    }

    @Test
    void shouldDeadLetterWhenAccountIdIsBlank() {
        final UsageEvent blank = UsageEvent.newBuilder(login("x", at(0, 9))).setAccountId(" ").build();
        pipeline.sendAs(pipeline.topics.usage(), " ", blank, at(0, 9));

        assertThat(header(single(pipeline.deadLetters()), DeadLetterProcessor.REASON)).isEqualTo("missing-account-id");
    }

    @Test
    void shouldDeadLetterWhenKeyIsNotTheAccountId() {
        pipeline.sendAs(pipeline.topics.usage(), "someone-else", login("acct-1", at(0, 9)), at(0, 9));

        assertThat(header(single(pipeline.deadLetters()), DeadLetterProcessor.REASON)).isEqualTo("key-mismatch");
    }

    @Test
    void shouldDeadLetterWhenEventTimeIsFarAheadOfTheRecord() {
        final Instant written = at(0, 9);
        pipeline.sendAs(pipeline.topics.usage(), "acct-1", login("acct-1", written.plus(Duration.ofDays(3))), written);

        final TestRecord<byte[], byte[]> dead = single(pipeline.deadLetters());
        assertThat(header(dead, DeadLetterProcessor.REASON)).isEqualTo("future-timestamp");
        assertThat(pipeline.accountState().get("acct-1")).isNull();
    }

    @Test
    void shouldKeepProcessingGoodRecordsWhenBadOnesArriveInBetween() {
        pipeline.send(login("acct-1", at(0, 9)));
        pipeline.sendBytes("product-usage", "acct-1", new byte[] {1, 2, 3}, at(0, 10));
        pipeline.send(login("acct-1", at(0, 11)));

        assertThat(pipeline.deadLetters()).hasSize(1);
        assertThat(pipeline.counter("churnwatch.events.processed", "topic", "product-usage")).isEqualTo(2.0);
        assertThat(pipeline.accountState().get("acct-1")).isNotNull();
    }

    private static TestRecord<byte[], byte[]> single(final List<TestRecord<byte[], byte[]>> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String header(final TestRecord<byte[], byte[]> record, final String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
