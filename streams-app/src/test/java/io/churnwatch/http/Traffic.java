package io.churnwatch.http;

import static org.awaitility.Awaitility.await;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.runtime.ClientSettings;
import io.churnwatch.runtime.KafkaImporter;
import io.churnwatch.runtime.KafkaOffsets;
import io.churnwatch.runtime.Registries;
import io.churnwatch.runtime.StreamsSettings;
import io.churnwatch.runtime.TopicDump;
import io.churnwatch.runtime.TopicProvisioner;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;

/** Input records for the integration tests, sent as {@code churnwatch import} sends them, and their outputs. */
final class Traffic {

    /** Day 0 of the tests' event time: a past day, so no record is in the future of the broker's clock. */
    static final Instant DAY_ZERO = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(90));
    private static final AtomicLong IDS = new AtomicLong();

    private Traffic() {
    }

    static Instant day(final int n) {
        return DAY_ZERO.plus(Duration.ofDays(n));
    }

    static AccountProfile profile(final String account, final Segment segment) {
        return AccountProfile.newBuilder().setAccountId(account).setName("Account " + account).setSegment(segment)
                .setOwnerId("csm-" + account).setSignedUpAt(day(-100)).build();
    }

    static UsageEvent login(final String account, final Instant at) {
        return UsageEvent.newBuilder().setEventId("u-" + IDS.incrementAndGet()).setAccountId(account)
                .setKind(UsageKind.LOGIN).setFeature("feature-" + IDS.get() % 3).setQuantity(1).setOccurredAt(at)
                .build();
    }

    static BillingEvent billing(final String account, final Instant at, final BillingEventType type) {
        return BillingEvent.newBuilder().setEventId("b-" + IDS.incrementAndGet()).setAccountId(account)
                .setType(type).setMrrCents(50_000).setCurrency("EUR").setPlan("pro").setOccurredAt(at).build();
    }

    /** Creates the configuration's topics, as {@code churnwatch run} does before it starts. */
    static void createTopics(final ChurnConfig config) {
        try (TopicProvisioner topics = TopicProvisioner.create(config, Duration.ofSeconds(30))) {
            topics.create();
        }
    }

    /** Sends the records to their topics (by type) and waits for the broker's acknowledgements. */
    static void send(final ChurnConfig config, final List<? extends SpecificRecord> records) {
        try (KafkaImporter importer = KafkaImporter.create(config)) {
            for (final SpecificRecord record : records) {
                importer.send(kind(record), record);
            }
            importer.flush();
        }
    }

    /** Sends bytes that are no Avro record of any schema to the usage topic, stamped {@code at}. */
    static void sendGarbage(final ChurnConfig config, final String key, final Instant at) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ClientSettings.of(config),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.getString(ChurnConfig.TOPIC_USAGE), null, at.toEpochMilli(), key,
                    new byte[] {9, 9, 9}));
            producer.flush();
        }
    }

    /** Waits until the pipeline has committed every input record. */
    static void awaitCaughtUp(final ChurnConfig config) {
        final List<String> inputs = List.of(config.getString(ChurnConfig.TOPIC_USAGE),
                config.getString(ChurnConfig.TOPIC_TICKETS), config.getString(ChurnConfig.TOPIC_BILLING),
                config.getString(ChurnConfig.TOPIC_ACCOUNTS));
        try (KafkaOffsets offsets = new KafkaOffsets(StreamsSettings.clientProperties(config), Duration.ofSeconds(10))) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> offsets.total(config.applicationId(), inputs) == 0);
        }
    }

    /** The last health update of every account on the health topic, in offset order. */
    static Map<String, HealthScoreUpdate> lastHealth(final ChurnConfig config) {
        final ChurnTopics topics = ChurnTopics.of(config, ChurnSerdes.on(Registries.client(config)));
        final Map<String, HealthScoreUpdate> last = new LinkedHashMap<>();
        TopicDump.read(ClientSettings.bootstrapServers(config), topics.health().name()).forEach(record ->
                last.put(record.key(), topics.health().valueSerde().deserializer().deserialize(record.topic(),
                        record.value())));
        return last;
    }

    private static EventKind kind(final SpecificRecord record) {
        if (record instanceof UsageEvent) {
            return EventKind.USAGE;
        }
        if (record instanceof BillingEvent) {
            return EventKind.BILLING;
        }
        if (record instanceof AccountProfile) {
            return EventKind.ACCOUNTS;
        }
        return EventKind.TICKETS;
    }
}
