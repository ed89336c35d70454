package io.churnwatch.backtest;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.SignalsConfig;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.runtime.ImportListener;
import io.churnwatch.runtime.ImportResult;
import io.churnwatch.runtime.JsonlImport;
import io.churnwatch.runtime.KafkaImporter;
import io.churnwatch.runtime.RecordTarget;
import io.churnwatch.runtime.Registries;
import io.churnwatch.runtime.Replay;
import io.churnwatch.runtime.StreamsSettings;
import io.churnwatch.runtime.TopicProvisioner;
import io.churnwatch.runtime.TopicReader;
import io.churnwatch.runtime.TopicReport;
import io.churnwatch.signals.AlertReason;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.HealthComponent;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs churnwatch over a history for a backtest, as a user would: imports the JSONL files into the input
 * topics of the cluster it is given (created with the configuration's retention: give old histories
 * {@code topics.input.retention.ms=-1}), replays them from the beginning through the same topology
 * ({@link Replay}, prefixed outputs {@value #PREFIX}.*), and reads every alert and health record back from the
 * output topics as a CRM would. The import also notes the facts the judgement needs ({@link InputFacts}).
 *
 * <p>Meant for a cluster of its own (the CLI starts an embedded one): the history goes into the input topics.
 */
public final class BacktestRunner {

    /** Prefix of the replay's output topics. */
    public static final String PREFIX = "backtest";

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);
    private static final List<String> COMPONENTS = List.of(SignalsConfig.COMPONENTS);

    /** What the run produced, by account. */
    public record Replayed(InputFacts facts, List<ImportResult> imports, Replay.Summary replay,
                           Map<String, List<AlertPoint>> alerts, Map<String, List<HealthPoint>> health,
                           long alertRecords, long healthRecords) {
    }

    private final ChurnConfig config;

    public BacktestRunner(final ChurnConfig config) {
        this.config = config;
    }

    /**
     * Imports {@code files} (each of its feed), replays them and reads the outputs.
     *
     * @throws IOException when a file cannot be read (the message names it)
     */
    public Replayed run(final Map<Path, EventKind> files, final ImportListener importProgress,
                        final Replay.Progress replayProgress, final Duration timeout)
            throws IOException, InterruptedException {
        try (TopicProvisioner topics = TopicProvisioner.create(config, CLIENT_TIMEOUT)) {
            final TopicReport report = topics.create();
            if (!report.ok()) {
                throw new IllegalStateException("the input and output topics are not ready: " + report);
            }
        }
        final InputFacts facts = new InputFacts();
        final List<ImportResult> imports = new ArrayList<>();
        try (KafkaImporter importer = KafkaImporter.create(config)) {
            final RecordTarget observed = new RecordTarget() {
                @Override
                public void send(final EventKind kind, final SpecificRecord record) {
                    facts.observe(record);
                    importer.send(kind, record);
                }

                @Override
                public void flush() {
                    importer.flush();
                }
            };
            for (final Map.Entry<Path, EventKind> file : files.entrySet()) {
                imports.add(JsonlImport.run(file.getValue(), file.getKey(), observed, importProgress));
            }
        }
        final ChurnTopics live = ChurnTopics.of(config, ChurnSerdes.on(Registries.client(config)));
        final Replay.Summary replay = new Replay(config, PREFIX, Instant.EPOCH, null).withProgress(replayProgress)
                .run(live, ChurnMetrics.inMemory(), false, timeout);
        final ChurnTopics outputs = replay.outputs();
        final Properties client = StreamsSettings.clientProperties(config);
        final List<ConsumerRecord<String, ChurnRiskAlert>> alertRecords = TopicReader.readAll(client,
                outputs.alerts().name(), outputs.alerts().valueSerde().deserializer(), READ_TIMEOUT);
        final List<ConsumerRecord<String, HealthScoreUpdate>> healthRecords = TopicReader.readAll(client,
                outputs.health().name(), outputs.health().valueSerde().deserializer(), READ_TIMEOUT);
        final Map<String, List<AlertPoint>> alerts = alertsByAccount(alertRecords.stream().map(ConsumerRecord::value)
                .toList());
        final Map<String, List<HealthPoint>> health = healthByAccount(healthRecords.stream()
                .map(ConsumerRecord::value).toList());
        return new Replayed(facts, List.copyOf(imports), replay, alerts, health, alertRecords.size(),
                healthRecords.size());
    }

    /** The alert records by account, in the order given, as the backtest judges them. */
    public static Map<String, List<AlertPoint>> alertsByAccount(final List<ChurnRiskAlert> records) {
        final Map<String, List<AlertPoint>> alerts = new HashMap<>();
        for (final ChurnRiskAlert alert : records) {
            alerts.computeIfAbsent(alert.getAccountId(), id -> new ArrayList<>()).add(point(alert));
        }
        return alerts;
    }

    /** The health updates by account, in the order given. */
    public static Map<String, List<HealthPoint>> healthByAccount(final List<HealthScoreUpdate> updates) {
        final Map<String, List<HealthPoint>> health = new HashMap<>();
        for (final HealthScoreUpdate update : updates) {
            health.computeIfAbsent(update.getAccountId(), id -> new ArrayList<>())
                    .add(new HealthPoint(update.getAsOf(), update.getScore(), componentScores(update)));
        }
        return health;
    }

    /** The update's component scores in {@link SignalsConfig#COMPONENTS} order, NaN for one it does not list. */
    static double[] componentScores(final HealthScoreUpdate update) {
        final double[] scores = new double[SignalsConfig.COMPONENTS.length];
        Arrays.fill(scores, Double.NaN);
        for (final HealthComponent component : update.getComponents()) {
            final int index = COMPONENTS.indexOf(component.getName());
            if (index >= 0) {
                scores[index] = component.getScore();
            }
        }
        return scores;
    }

    /** An alert record as the backtest judges it: its signal and the signals of its reasons. */
    static AlertPoint point(final ChurnRiskAlert alert) {
        final Set<ChurnSignal> reasons = EnumSet.noneOf(ChurnSignal.class);
        for (final AlertReason reason : alert.getReasons()) {
            reasons.add(reason.getSignal());
        }
        return new AlertPoint(alert.getAlertId(), alert.getSignal(), reasons, alert.getStatus(), alert.getEventTime());
    }
}
