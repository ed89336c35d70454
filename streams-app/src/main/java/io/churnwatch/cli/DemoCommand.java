package io.churnwatch.cli;

import io.churnwatch.backtest.BacktestTable;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.demo.Demo;
import io.churnwatch.demo.DemoReportPrinter;
import io.churnwatch.embedded.DevStack;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.http.OpsServer;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.ops.Monitoring;
import io.churnwatch.runtime.ChurnPipeline;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch demo}: the main job on the embedded default. Starts an embedded broker and registry,
 * generates a seeded synthetic history, imports it, runs the pipeline over it and prints what a CS lead
 * would want to read. With {@code --serve} the HTTP server ({@code http.bind.address}, default 127.0.0.1, and
 * {@code http.port}) answers from the start, and everything keeps running until Ctrl-C; the URLs are printed.
 */
@Command(name = "demo",
        description = "Run churnwatch end to end on an embedded Kafka and schema registry with a generated history.")
final class DemoCommand implements Callable<Integer> {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--accounts", defaultValue = "2000", description = "Accounts to generate (default ${DEFAULT-VALUE}).")
    private int accounts;

    @Option(names = "--days", defaultValue = "90", description = "Days of history (default ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--serve", description = "Serve metrics, health and account queries over HTTP (http.port) and keep "
            + "everything running after the summary, until Ctrl-C.")
    private boolean serve;

    @Spec
    private CommandSpec spec;

    /** Counted down once the stack is stopped and the state deleted: what a Ctrl-C waits for (--serve). */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        final GeneratorOptions options = GeneratorOptions.defaults().withAccounts(accounts).withDays(days)
                .withSeed(seed);
        final PrintWriter out = spec.commandLine().getOut();
        out.println("Starting an embedded Kafka broker (KRaft) and schema registry...");
        out.flush();
        // Under the working directory, not /tmp: Kafka Streams warns that an OS temp dir may be cleaned under it.
        final Path stateDir = Files.createTempDirectory(Files.createDirectories(Path.of(".churnwatch")), "demo-");
        try (DevStack stack = DevStack.start()) {
            out.printf(Locale.ROOT, "  bootstrap.servers=%s%n  schema.registry.url=%s%n", stack.bootstrapServers(),
                    stack.registryUrl());
            final ChurnConfig config = demoConfig(stack, stateDir);
            if (serve) {
                serve(config, stack, options, out);
            } else {
                final Demo.Result result = new Demo(config, options, out).run(ChurnMetrics.inMemory());
                try (ChurnPipeline pipeline = result.pipeline()) {
                    DemoReportPrinter.print(result.report(), out);
                    BacktestTable.summary(result.backtest(), out);
                }
            }
        } finally {
            deleteRecursively(stateDir);
            stopped.countDown();
        }
        return 0;
    }

    /** The demo with the HTTP server up from the start, and everything kept running after the summary. */
    private void serve(final ChurnConfig base, final DevStack stack, final GeneratorOptions options,
                              final PrintWriter out) throws InterruptedException {
        final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final ChurnMetrics metrics = new ChurnMetrics(prometheus);
        try (OpsServer server = OpsServer.start(base, prometheus)) {
            final Map<String, Object> settings = new HashMap<>(base.originals());
            settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server.applicationServer());
            final ChurnConfig config = new ChurnConfig(settings);
            final Demo.Result result = new Demo(config, options, out).run(metrics);
            try (ChurnPipeline pipeline = result.pipeline();
                 Monitoring monitoring = Monitoring.start(config, pipeline.streams(), metrics)) {
                server.attach(pipeline.streams(), monitoring);
                DemoReportPrinter.print(result.report(), out);
                BacktestTable.summary(result.backtest(), out);
                serveUntilInterrupted(out, stack, server.uri());
            }
        }
    }

    private ChurnConfig demoConfig(final DevStack stack, final Path stateDir) {
        final Map<String, Object> settings = new HashMap<>(configOptions.load().originals());
        settings.put(ChurnConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        settings.put(ChurnConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        settings.putIfAbsent(ChurnConfig.APPLICATION_ID, "churnwatch-demo");
        settings.put(ChurnConfig.STATE_DIR, stateDir.toString());
        // Two cores: two partitions and two stream threads keep both busy.
        settings.putIfAbsent("topics.partitions", 2);
        settings.putIfAbsent("num.stream.threads", 2);
        return new ChurnConfig(settings);
    }

    private void serveUntilInterrupted(final PrintWriter out, final DevStack stack, final URI http)
            throws InterruptedException {
        final CountDownLatch stop = new CountDownLatch(1);
        // The JVM halts when its shutdown hooks return: wait for the demo to stop its stack and delete its state.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown"));
        out.println();
        out.println("Serving until Ctrl-C:");
        out.printf(Locale.ROOT, "  Kafka:           %s (topics churn-risk-alerts, account-health)%n",
                stack.bootstrapServers());
        out.printf(Locale.ROOT, "  Schema registry: %s%n", stack.registryUrl());
        out.printf(Locale.ROOT, "  Metrics:         %s/metrics%n", http);
        out.printf(Locale.ROOT, "  Health:          %s/health/live  %s/health/ready%n", http, http);
        out.printf(Locale.ROOT, "  Account health:  %s/accounts/{id}/health%n", http);
        out.printf(Locale.ROOT, "  At-risk queue:   %s/accounts/at-risk?limit=20&segment=HIGH_TOUCH%n", http);
        out.flush();
        stop.await();
    }

    private static void deleteRecursively(final Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
