package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.UsageEvent;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serde inside Kafka Streams: records flow through a topology, bad bytes reach Kafka's handler. */
class AvroSerdeTopologyTest {

    /** Keeps the reasons of the failures Kafka Streams hands over, and lets processing resume. */
    public static final class ReasonRecordingHandler implements DeserializationExceptionHandler {
        static final Queue<String> REASONS = new ConcurrentLinkedQueue<>();

        @Override
        public Response handleError(final ErrorHandlerContext context, final ConsumerRecord<byte[], byte[]> record,
                                    final Exception exception) {
            REASONS.add(exception instanceof RegistrySerdeException failure ? failure.reason() : exception.toString());
            return Response.resume();
        }

        @Override
        public void configure(final Map<String, ?> configs) {
        }
    }

    private final AvroSerde<UsageEvent> serde = AvroSerde.of(UsageEvent.class, new InMemorySchemaRegistryClient(),
            false);
    private TopologyTestDriver driver;

    @BeforeEach
    void startTopology() {
        ReasonRecordingHandler.REASONS.clear();
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream("usage", Consumed.with(Serdes.String(), serde))
                .mapValues(event -> UsageEvent.newBuilder(event).setQuantity(event.getQuantity() * 10).build())
                .to("scaled", Produced.with(Serdes.String(), serde));
        final Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-topology-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, ReasonRecordingHandler.class);
        driver = new TopologyTestDriver(builder.build(), settings);
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void shouldCarryRecordsThroughTopologyWhenSerdeIsUsedForInputAndOutput() {
        final TestInputTopic<String, UsageEvent> input = driver.createInputTopic("usage", new StringSerializer(),
                serde.serializer());
        final TestOutputTopic<String, UsageEvent> output = driver.createOutputTopic("scaled",
                Serdes.String().deserializer(), serde.deserializer());

        input.pipeInput("acct-1", TestRecords.usage(2));

        assertThat(output.readValue().getQuantity()).isEqualTo(TestRecords.usage(2).getQuantity() * 10);
    }

    @Test
    void shouldHandReasonToStreamsHandlerWhenInputBytesAreGarbage() {
        final TestInputTopic<String, byte[]> input = driver.createInputTopic("usage", new StringSerializer(),
                new ByteArraySerializer());

        input.pipeInput("acct-1", new byte[] {42, 1, 2, 3, 4, 5});

        assertThat(List.copyOf(ReasonRecordingHandler.REASONS)).containsExactly("invalid-wire-format");
        assertThat(driver.createOutputTopic("scaled", Serdes.String().deserializer(), serde.deserializer()).isEmpty())
                .isTrue();
    }
}
