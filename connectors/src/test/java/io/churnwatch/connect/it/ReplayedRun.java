package io.churnwatch.connect.it;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.runtime.HistorySlice;
import io.churnwatch.runtime.PipelineHarness;
import io.churnwatch.runtime.RunOutputs;
import java.util.Properties;

/**
 * What a connector IT delivers: a seeded generated history imported and run through the churnwatch pipeline on
 * the embedded broker and a registry of its own, until every input record is processed. Its output topics then
 * hold real alerts and health updates, in the registry's wire format, and {@link #outputs()} is what a
 * read_committed consumer read of them: what the sinks must deliver.
 */
public final class ReplayedRun implements AutoCloseable {

    private final EmbeddedRegistry registry;
    private final PipelineHarness harness;
    private final ChurnConfig config;
    private final RunOutputs outputs;

    private ReplayedRun(final EmbeddedRegistry registry, final PipelineHarness harness, final ChurnConfig config,
                        final RunOutputs outputs) {
        this.registry = registry;
        this.harness = harness;
        this.config = config;
        this.outputs = outputs;
    }

    public static ReplayedRun of(final EmbeddedKafka kafka, final String name, final GeneratorOptions history)
            throws InterruptedException {
        final EmbeddedRegistry registry = EmbeddedRegistry.start();
        final PipelineHarness harness = new PipelineHarness(kafka, registry, name, 3);
        final ChurnConfig config = harness.run(harness.settings("run"));
        harness.importHistory(config, history, HistorySlice.all());
        harness.start(config);
        harness.awaitProcessed(config);
        return new ReplayedRun(registry, harness, config, harness.outputs(config));
    }

    public RunOutputs outputs() {
        return outputs;
    }

    /** The run's configuration: its topics, registry and application id. */
    public ChurnConfig config() {
        return config;
    }

    /** The run's outputs as they are now, read again: what the pipeline published since {@link #outputs()}. */
    public RunOutputs readOutputs() {
        return harness.outputs(config);
    }

    public String alertsTopic() {
        return config.getString(ChurnConfig.TOPIC_ALERTS);
    }

    public String healthTopic() {
        return config.getString(ChurnConfig.TOPIC_HEALTH);
    }

    public String registryUrl() {
        return registry.url();
    }

    /** Client settings for the broker alone. */
    public Properties clientProperties() {
        return harness.clientProperties();
    }

    @Override
    public void close() {
        harness.close();
        registry.close();
    }
}
