package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties of a churnwatch configuration.
 *
 * <p>Keys churnwatch does not declare itself (security.protocol, sasl.*, ssl.*, any Kafka Streams or client
 * setting) pass through unchanged, so they reach the consumer, producer, admin and restore clients alike.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties of(final ChurnConfig config) {
        final Properties props = clientProperties(config);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.getString(ChurnConfig.PROCESSING_GUARANTEE));
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.getInt(ChurnConfig.NUM_STANDBY_REPLICAS));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(ChurnConfig.STATE_DIR));
        // Outputs are read by CRMs with read_committed consumers; compress them like any busy topic.
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // The behaviour Kafka 5.0 makes the default; opting in now also silences the start-up warning about it.
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }

    /** What every Kafka client of the process needs: the cluster address and the passed-through settings. */
    public static Properties clientProperties(final ChurnConfig config) {
        final Properties props = new Properties();
        props.putAll(ClientSettings.of(config));
        return props;
    }
}
