package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.http.OpsServer;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.ops.Monitoring;
import io.churnwatch.runtime.AccessCheck;
import io.churnwatch.runtime.ChurnPipeline;
import io.churnwatch.runtime.ClientSettings;
import io.churnwatch.runtime.Preflight;
import io.churnwatch.runtime.Registries;
import io.churnwatch.runtime.StartupException;
import io.churnwatch.runtime.StreamsSettings;
import io.churnwatch.runtime.TopicProvisioner;
import io.churnwatch.runtime.TopicReport;
import io.churnwatch.serde.SchemaRegistryClient;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch run}: the pipeline as a service against a given cluster and registry. Checks both answer
 * (one clear line and a non-zero exit when not), creates missing topics, starts Kafka Streams
 * (exactly-once by default) and runs until SIGTERM/SIGINT, when it closes cleanly: state flushed, the open
 * transaction committed, and the group left at once so the other instances take over without a rebalance
 * storm. Its HTTP server ({@link OpsServer}: metrics, probes, account queries) answers from before the start;
 * the server's address is the pipeline's {@code application.server}, where other instances forward queries.
 */
@Command(name = "run", description = "Run the churnwatch pipeline against a Kafka cluster until stopped.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions configOptions;

    @Mixin
    private ClusterTimeout clusterTimeout;

    @Option(names = "--no-create-topics", description = "Do not create missing topics; fail if one is missing.")
    private boolean noCreateTopics;

    @Spec
    private CommandSpec spec;

    /** The pipeline once created, for {@link #stop()}. */
    private volatile ChurnPipeline running;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final Duration timeout = clusterTimeout.timeout();
        final ChurnConfig config = configOptions.load();
        Preflight.kafka(StreamsSettings.clientProperties(config), timeout);
        final SchemaRegistryClient registry = Registries.client(config);
        Preflight.registry(registry, config.schemaRegistryUrl());
        provisionTopics(config, timeout, out);
        AccessCheck.topics(StreamsSettings.clientProperties(config), config, timeout);

        final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final ChurnMetrics metrics = new ChurnMetrics(prometheus);
        try (OpsServer server = OpsServer.start(config, prometheus)) {
            final Properties settings = StreamsSettings.of(config);
            settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server.applicationServer());
            final ChurnPipeline pipeline = ChurnPipeline.create(config,
                    ChurnTopics.of(config, ChurnSerdes.on(registry)), metrics, settings);
            final Thread shutdown = new Thread(pipeline::close, "churnwatch-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            running = pipeline;
            try (Monitoring monitoring = Monitoring.start(config, pipeline.streams(), metrics)) {
                server.attach(pipeline.streams(), monitoring);
                pipeline.start();
                out.printf(Locale.ROOT, "HTTP on %s: /metrics, /health/live, /health/ready, /accounts/{id}/health, "
                        + "/accounts/at-risk%n", server.uri());
                out.flush();
                if (!pipeline.awaitRunning(timeout.plus(Duration.ofMinutes(5)))) {
                    out.println("churnwatch stopped before it was running: a stop was asked for while starting");
                    out.flush();
                    return 0;
                }
                out.printf(Locale.ROOT, "churnwatch is running (application.id=%s, bootstrap.servers=%s); stop with "
                        + "Ctrl-C or SIGTERM%n", config.applicationId(), ClientSettings.bootstrapServers(config));
                out.flush();
                pipeline.awaitStop();
                if (pipeline.failed()) {
                    throw new StartupException("churnwatch stopped after a failure: "
                            + pipeline.failureCause().orElse("see the log above"));
                }
                return 0;
            } finally {
                // A start-up that failed leaves stream threads behind unless closed here; a second close is a no-op.
                pipeline.close();
                removeShutdownHook(shutdown);
            }
        }
    }

    /** Closes the pipeline as SIGTERM would, for a caller in the same JVM (tests); nothing before it started. */
    void stop() {
        final ChurnPipeline pipeline = running;
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private static void removeShutdownHook(final Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (final IllegalStateException alreadyShuttingDown) {
            // The hook is what stopped the pipeline: the JVM is exiting and runs it anyway.
        }
    }

    private void provisionTopics(final ChurnConfig config, final Duration timeout, final PrintWriter out) {
        try (TopicProvisioner topics = TopicProvisioner.create(config, timeout)) {
            final TopicReport report = noCreateTopics ? topics.check() : topics.create();
            report.print(out);
            if (!report.ok()) {
                throw new StartupException("the topics are not usable; see above");
            }
        }
    }
}
