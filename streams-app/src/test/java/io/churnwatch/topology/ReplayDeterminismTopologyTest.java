package io.churnwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.signals.ChurnRiskAlert;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Results depend on the input alone: a seeded generated history run through two fresh drivers gives the same
 * output records byte for byte (key, value, timestamp). A duplicate delivery of billing and profile records
 * changes nothing, and so does a second delivery of any event (recognised by its id). How many account states a
 * task keeps decoded changes nothing either.
 */
class ReplayDeterminismTopologyTest {

    private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults().withAccounts(150).withSeed(11);

    private static List<SpecificRecord> history;
    private static Run first;
    private static Run second;

    /** One output record as a consumer reads it: raw key and value bytes and the record timestamp. */
    private record Output(ByteBuffer key, ByteBuffer value, Instant timestamp) {
        static Output of(final TestRecord<byte[], byte[]> record) {
            return new Output(ByteBuffer.wrap(record.key()), ByteBuffer.wrap(record.value()), record.getRecordTime());
        }
    }

    /** What one run wrote: both output topics, and the ids of the alerts as their records decode. */
    private record Run(List<Output> alerts, List<Output> health, Set<String> alertIds) {
    }

    @BeforeAll
    static void replay() {
        final List<SpecificRecord> records = new ArrayList<>();
        new HistoryGenerator(OPTIONS).generate(new ListSink(records));
        history = List.copyOf(records);
        first = run(record -> false);
        second = run(record -> false);
    }

    /** The history through a fresh driver, delivering the records {@code twice} matches two times in a row. */
    private static Run run(final Predicate<SpecificRecord> twice) {
        return run(twice, Map.of());
    }

    private static Run run(final Predicate<SpecificRecord> twice, final Map<String, ?> settings) {
        try (PipelineDriver pipeline = PipelineDriver.with(settings)) {
            for (final SpecificRecord record : history) {
                pipeline.send(record);
                if (twice.test(record)) {
                    pipeline.send(record);
                }
            }
            final String alertTopic = pipeline.topics.alerts().name();
            final List<Output> alerts = outputs(pipeline, alertTopic);
            final Deserializer<ChurnRiskAlert> decoder = pipeline.topics.alerts().valueSerde().deserializer();
            final Set<String> ids = alerts.stream()
                    .map(a -> decoder.deserialize(alertTopic, a.value().array()).getAlertId())
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Run(alerts, outputs(pipeline, pipeline.topics.health().name()), ids);
        }
    }

    private static List<Output> outputs(final PipelineDriver pipeline, final String topic) {
        return pipeline.rawOutputs(topic).stream().map(Output::of).toList();
    }

    @Test
    void shouldWriteByteIdenticalAlertsWhenTheSameHistoryRunsThroughAFreshDriver() {
        assertThat(first.alerts()).hasSizeGreaterThan(100);
        assertThat(second.alerts()).containsExactlyElementsOf(first.alerts());
    }

    @Test
    void shouldWriteByteIdenticalHealthUpdatesWhenTheSameHistoryRunsThroughAFreshDriver() {
        assertThat(first.health()).hasSizeGreaterThan(1000);
        assertThat(second.health()).containsExactlyElementsOf(first.health());
    }

    /**
     * Billing facts are kept as the latest time of each kind of event and a profile is a table row, so a
     * second delivery of either changes nothing at all.
     */
    @Test
    void shouldWriteByteIdenticalOutputsWhenBillingAndProfileRecordsAreDeliveredTwice() {
        final Run duplicated = run(record -> record instanceof BillingEvent || record instanceof AccountProfile);

        assertThat(duplicated.alerts()).containsExactlyElementsOf(first.alerts());
        assertThat(duplicated.health()).containsExactlyElementsOf(first.health());
    }

    /** Usage and ticket events are recognised by eventId: a second delivery is not counted again. */
    @Test
    void shouldWriteByteIdenticalOutputsWhenEveryRecordIsDeliveredTwice() {
        final Run duplicated = run(record -> true);

        assertThat(duplicated.alertIds()).isEqualTo(first.alertIds());
        assertThat(duplicated.alerts()).containsExactlyElementsOf(first.alerts());
        assertThat(duplicated.health()).containsExactlyElementsOf(first.health());
    }

    /**
     * The default keeps every one of the history's accounts decoded; none kept decodes each from the store at
     * every read, and a few kept drops and decodes again most of them: the outputs are the same.
     */
    @Test
    void shouldWriteByteIdenticalOutputsWhenFewOrNoAccountStatesAreKeptDecoded() {
        final Run none = run(record -> false, Map.of(ChurnConfig.DECODED_ACCOUNTS, 0));
        final Run few = run(record -> false, Map.of(ChurnConfig.DECODED_ACCOUNTS, 7));

        assertThat(none.alerts()).containsExactlyElementsOf(first.alerts());
        assertThat(none.health()).containsExactlyElementsOf(first.health());
        assertThat(few.alerts()).containsExactlyElementsOf(first.alerts());
        assertThat(few.health()).containsExactlyElementsOf(first.health());
    }
}
