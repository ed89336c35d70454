package io.churnwatch.demo;

import io.churnwatch.backtest.Backtest;
import io.churnwatch.backtest.BacktestOptions;
import io.churnwatch.backtest.BacktestReport;
import io.churnwatch.backtest.BacktestRunner;
import io.churnwatch.backtest.InputFacts;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.GenerationStats;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.runtime.ChurnPipeline;
import io.churnwatch.runtime.KafkaOffsets;
import io.churnwatch.runtime.KafkaImporter;
import io.churnwatch.runtime.Registries;
import io.churnwatch.runtime.StreamsSettings;
import io.churnwatch.runtime.TopicProvisioner;
import io.churnwatch.runtime.TopicReader;
import io.churnwatch.serde.SchemaRegistryClient;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The demo, step by step, on a cluster and registry it is given (the CLI gives it the embedded dev stack):
 * create the topics, generate a seeded history and import it, run the pipeline until it has consumed every
 * input record, read the outputs like a CRM would, and report, with the backtest of the alerts against the
 * generated cancellations. The caller decides when the pipeline stops.
 */
public final class Demo {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int AT_RISK_ROWS = 10;

    private final ChurnConfig config;
    private final GeneratorOptions options;
    private final PrintWriter out;

    public Demo(final ChurnConfig config, final GeneratorOptions options, final PrintWriter out) {
        this.config = config;
        this.options = options;
        this.out = out;
    }

    /** Runs the demo and returns the still-running pipeline with the report; the caller closes the pipeline. */
    public Result run(final ChurnMetrics metrics) throws InterruptedException {
        final long started = System.nanoTime();
        try (TopicProvisioner topics = TopicProvisioner.create(config, Duration.ofSeconds(30))) {
            topics.create();
        }
        final HistoryGenerator generator = new HistoryGenerator(options);
        final GenerationStats stats;
        final InputFacts facts = new InputFacts();
        final long importStart = System.nanoTime();
        try (KafkaImporter importer = KafkaImporter.create(config)) {
            stats = generator.generate(new ObservedSink(importer, facts));
            importer.flush();
        }
        final double importSeconds = seconds(importStart);
        out.printf(Locale.ROOT, "Generated and imported %,d events for %,d accounts over %d days in %.1f s "
                        + "(%,.0f events/s)%n", stats.events(), options.accounts(), options.days(), importSeconds,
                stats.events() / importSeconds);
        out.flush();

        final SchemaRegistryClient registry = Registries.client(config);
        final ChurnTopics churnTopics = ChurnTopics.of(config, ChurnSerdes.on(registry));
        final long pipelineStart = System.nanoTime();
        final ChurnPipeline pipeline = ChurnPipeline.create(config, churnTopics, metrics);
        pipeline.start();
        pipeline.awaitRunning(Duration.ofMinutes(2));
        awaitCaughtUp(churnTopics);
        out.printf(Locale.ROOT, "The pipeline processed the history in %.1f s (%,.0f events/s)%n",
                seconds(pipelineStart), stats.events() / seconds(pipelineStart));

        final Properties client = StreamsSettings.clientProperties(config);
        final List<ChurnRiskAlert> alerts = TopicReader.readAll(client, churnTopics.alerts().name(),
                churnTopics.alerts().valueSerde().deserializer(), TIMEOUT).stream().map(ConsumerRecord::value).toList();
        final List<HealthScoreUpdate> health = TopicReader.readAll(client, churnTopics.health().name(),
                churnTopics.health().valueSerde().deserializer(), TIMEOUT).stream().map(ConsumerRecord::value).toList();
        out.printf(Locale.ROOT, "Read %,d alert records and %,d health updates; demo took %.1f s in all%n",
                alerts.size(), health.size(), seconds(started));
        final BacktestReport backtest = Backtest.run(facts.histories(BacktestRunner.alertsByAccount(alerts),
                BacktestRunner.healthByAccount(health), facts.outcomesFromInput()), BacktestOptions.defaults());
        return new Result(pipeline, DemoReport.of(alerts, health, generator.groundTruth(), AT_RISK_ROWS), backtest);
    }

    /** The running pipeline, what it found, and how its alerts fare against the generated cancellations. */
    public record Result(ChurnPipeline pipeline, DemoReport report, BacktestReport backtest) {
    }

    private void awaitCaughtUp(final ChurnTopics topics) throws InterruptedException {
        final List<String> inputs = List.of(topics.usage().name(), topics.tickets().name(), topics.billing().name(),
                topics.accounts().name());
        try (KafkaOffsets lag = new KafkaOffsets(StreamsSettings.clientProperties(config), Duration.ofSeconds(30))) {
            final long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long remaining = lag.total(config.applicationId(), inputs);
            while (remaining > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pipeline did not catch up within " + TIMEOUT.toMinutes()
                            + " min; " + remaining + " records left");
                }
                Thread.sleep(500);
                remaining = lag.total(config.applicationId(), inputs);
            }
        }
    }

    private static double seconds(final long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
