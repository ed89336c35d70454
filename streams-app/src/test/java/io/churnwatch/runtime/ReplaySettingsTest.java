package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ReplaySettingsTest {

    @Test
    void shouldRunTheThreadsAskedForWhenACountIsGiven() {
        final Properties settings = new Properties();

        final int threads = ReplaySettings.apply(settings, Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1"), 3, 6);

        assertThat(threads).isEqualTo(3);
        assertThat(settings).containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3);
    }

    @Test
    void shouldKeepTheConfiguredThreadsWhenNoCountIsGiven() {
        final Properties settings = new Properties();

        assertThat(ReplaySettings.apply(settings, Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "4"), 0, 6))
                .isEqualTo(4);
    }

    @Test
    void shouldRunOneThreadPerCoreAtMostOnePerPartitionWhenNothingSetsThem() {
        assertThat(ReplaySettings.forMachine(8, 6)).isEqualTo(6);
        assertThat(ReplaySettings.forMachine(2, 6)).isEqualTo(2);
        assertThat(ReplaySettings.forMachine(2, 0)).isEqualTo(1);
    }

    @Test
    void shouldCommitLessOftenWithALargerCacheWhenTheConfigurationSetsNeither() {
        final Properties settings = new Properties();
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L);

        ReplaySettings.apply(settings, Map.of(), 1, 1);

        assertThat(settings).containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, ReplaySettings.COMMIT_INTERVAL_MS)
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, ReplaySettings.CACHE_BYTES);
    }

    @Test
    void shouldKeepTheAtLeastOnceCommitIntervalWhenTheReplayIsNotExactlyOnce() {
        final Properties settings = new Properties();
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);

        ReplaySettings.apply(settings, Map.of(), 1, 1);

        assertThat(settings).doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, ReplaySettings.CACHE_BYTES);
    }

    @Test
    void shouldKeepTheCommitIntervalAndCacheWhenTheConfigurationSetsThem() {
        final Properties settings = new Properties();
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250");
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "1024");

        ReplaySettings.apply(settings, Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250",
                StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "1024"), 1, 1);

        assertThat(settings).containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250")
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "1024");
    }
}
