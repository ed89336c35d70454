package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.RiskConfig;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import io.churnwatch.topology.ChurnTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a replay bounded by {@code to} stops ({@link Replay#sweptBy}): a replay that has processed its input up to
 * that stream time has written every alert the live run wrote before {@code to}, also the ones of deadlines
 * that fall between the last stream-time sweep and {@code to}, which only a later sweep evaluates. The input is
 * cut exactly there, as if the replay's last batch ended with it, through the real topology.
 */
class ReplayBoundTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    /** Sweeps a day apart (at midnight), so that a deadline can fall between the last sweep and {@code to}. */
    private static final Duration SWEEP_INTERVAL = Duration.ofDays(1);
    /** Three hours after the quiet account's SILENCE is due (14 days without usage, at 09:00). */
    private static final Instant TO = START.plus(Duration.ofDays(14)).plus(Duration.ofHours(3));

    @TempDir
    Path stateDir;

    private int ids;
    private int runs;

    @Test
    void shouldWriteTheLiveAlertsBeforeToWhenTheInputEndsWhereABoundedReplayStops() {
        final List<UsageEvent> input = new ArrayList<>(List.of(login("quiet", START)));
        for (int hour = 1; hour <= 20 * 24; hour++) {
            input.add(login("busy", START.plus(Duration.ofHours(hour))));
        }
        final long stopAfter = Replay.sweptBy(TO, SWEEP_INTERVAL.toMillis());

        final List<String> live = alerts(Map.of(), input, Long.MAX_VALUE).stream()
                .filter(alert -> alert.getRecordTime().isBefore(TO)).map(ReplayBoundTest::describe).toList();
        final List<String> bounded = alerts(Map.of(ChurnConfig.INPUT_UNTIL_MS, TO.toEpochMilli()), input, stopAfter)
                .stream().map(ReplayBoundTest::describe).toList();

        assertThat(live).contains("quiet SILENCE OPEN at " + START.plus(Duration.ofDays(14)));
        assertThat(bounded).isEqualTo(live);
    }

    private static String describe(final TestRecord<String, ChurnRiskAlert> alert) {
        return alert.key() + " " + alert.value().getSignal() + " " + alert.value().getStatus() + " at "
                + alert.getRecordTime();
    }

    /** The alerts of the input piped in order up to and including its first record at or after {@code stopAfter}. */
    private List<TestRecord<String, ChurnRiskAlert>> alerts(final Map<String, Object> settings,
                                                            final List<UsageEvent> input, final long stopAfter) {
        final Map<String, Object> all = new HashMap<>(settings);
        all.put(ChurnConfig.SWEEP_INTERVAL_MS, SWEEP_INTERVAL.toMillis());
        // One alert per signal, so that the quiet account's SILENCE is the alert whose timing is checked.
        all.put(RiskConfig.GROUPING, "SIGNAL");
        final ChurnConfig config = new ChurnConfig(all);
        final ChurnTopics topics = ChurnTopics.of(config, ChurnSerdes.on(new InMemorySchemaRegistryClient()));
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "replay-bound-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("run-" + ++runs).toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(ChurnTopology.build(config, topics,
                ChurnMetrics.inMemory()), props)) {
            final TestInputTopic<String, UsageEvent> usage = driver.createInputTopic(topics.usage().name(),
                    topics.usage().keySerde().serializer(), topics.usage().valueSerde().serializer());
            for (final UsageEvent event : input) {
                usage.pipeInput(event.getAccountId(), event, event.getOccurredAt());
                if (event.getOccurredAt().toEpochMilli() >= stopAfter) {
                    break;
                }
            }
            return driver.createOutputTopic(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                    topics.alerts().valueSerde().deserializer()).readRecordsToList();
        }
    }

    private UsageEvent login(final String account, final Instant at) {
        ids++;
        return UsageEvent.newBuilder().setEventId("u-" + ids).setAccountId(account).setKind(UsageKind.LOGIN)
                .setFeature(null).setQuantity(1).setOccurredAt(at).build();
    }
}
