package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.day;
import static io.churnwatch.topology.Events.login;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * A deadline sweep over more due accounts than {@code deadline.sweep.max.accounts} examines that many per
 * punctuation and continues in the next ones (wall-clock ones while no input arrives), with the outputs one
 * unbounded sweep gives: only when they are emitted differs.
 */
class BoundedSweepTopologyTest {

    private static final int BOUND = 4;
    private static final int SILENT = 15;
    /** The account the sweep reaches last: deadlines tie, and entries are ordered by account id then. */
    private static final String LAST_SILENT = silent(SILENT - 1);

    /** What a run wrote, in order. */
    private record Outputs(List<TestRecord<String, ChurnRiskAlert>> alerts,
                           List<TestRecord<String, HealthScoreUpdate>> health) {

        static Outputs of(final PipelineDriver pipeline) {
            return new Outputs(pipeline.alertRecords(), pipeline.healthRecords());
        }

        /** The same records, per account, in the order each account's were written. */
        Map<String, List<Object>> perAccount() {
            final List<TestRecord<String, ?>> all = new ArrayList<>(alerts);
            all.addAll(health);
            return all.stream().collect(Collectors.groupingBy(TestRecord::key,
                    Collectors.mapping(record -> (Object) record, Collectors.toList())));
        }
    }

    private static String silent(final int i) {
        return String.format(Locale.ROOT, "silent-%02d", i);
    }

    /** Accounts that log in on day 0 and fall silent, then a record that moves stream time to day 20 at once. */
    private static List<SpecificRecord> silentAccountsThenDay20() {
        final List<SpecificRecord> records = new ArrayList<>();
        for (int i = 0; i < SILENT; i++) {
            records.add(login(silent(i), at(0, i % 12)));
        }
        records.add(login("clock", day(20)));
        return records;
    }

    private static PipelineDriver send(final PipelineDriver pipeline, final List<SpecificRecord> records) {
        records.forEach(pipeline::send);
        return pipeline;
    }

    private static PipelineDriver bounded(final int maxAccounts) {
        return PipelineDriver.with(Map.of(ChurnConfig.SWEEP_MAX_ACCOUNTS, maxAccounts));
    }

    private static Outputs unboundedRun(final List<SpecificRecord> records) {
        try (PipelineDriver pipeline = send(PipelineDriver.withDefaults(), records)) {
            assertThat(pipeline.sweepsPending()).isZero();
            return Outputs.of(pipeline);
        }
    }

    private static Outputs boundedRun(final List<SpecificRecord> records, final int maxAccounts) {
        try (PipelineDriver pipeline = send(bounded(maxAccounts), records)) {
            pipeline.finishSweeps();
            return Outputs.of(pipeline);
        }
    }

    @Test
    void shouldLeaveTheSweepUnfinishedWhenMoreAccountsAreDueThanTheBound() {
        final List<SpecificRecord> records = silentAccountsThenDay20();
        try (PipelineDriver pipeline = send(bounded(BOUND), records)) {
            assertThat(pipeline.sweepsPending()).isEqualTo(1);
            assertThat(pipeline.alerts()).extracting(ChurnRiskAlert::getAccountId).doesNotContain(LAST_SILENT);
        }
    }

    @Test
    void shouldCountTheSweepAsPendingNoLongerWhenTheTaskClosesBeforeItIsFinished() {
        final PipelineDriver pipeline = send(bounded(BOUND), silentAccountsThenDay20());
        assertThat(pipeline.sweepsPending()).isEqualTo(1);

        pipeline.close();

        assertThat(pipeline.sweepsPending()).isZero();
    }

    @Test
    void shouldFinishTheSweepOnTheWallClockWhenNoMoreInputArrives() {
        try (PipelineDriver pipeline = send(bounded(BOUND), silentAccountsThenDay20())) {
            final int seconds = pipeline.finishSweeps();

            assertThat(seconds).isEqualTo((SILENT + BOUND - 1) / BOUND - 1);
            assertThat(pipeline.sweepsPending()).isZero();
        }
    }

    @Test
    void shouldWriteTheUnboundedSweepsOutputsWhenASweepOverMoreAccountsThanTheBoundContinues() {
        final List<SpecificRecord> records = silentAccountsThenDay20();
        final Outputs unbounded = unboundedRun(records);

        final Outputs bounded = boundedRun(records, BOUND);

        assertThat(unbounded.alerts()).extracting(TestRecord::key).contains(LAST_SILENT);
        assertThat(bounded.alerts()).containsExactlyElementsOf(unbounded.alerts());
        assertThat(bounded.health()).containsExactlyElementsOf(unbounded.health());
    }

    /**
     * An account the sweep has not reached yet sends a record older than the sweep's time: it is applied after
     * the deadlines the sweep would have run first, as in the unbounded run.
     */
    @Test
    void shouldRunTheDeadlinesTheSweepWouldHaveRunBeforeTheRecordOfAnAccountItHasNotReached() {
        final List<SpecificRecord> records = new ArrayList<>(silentAccountsThenDay20());
        records.add(login(LAST_SILENT, at(19, 12)));
        final Outputs unbounded = unboundedRun(records);

        final Outputs bounded = boundedRun(records, 1);

        assertThat(bounded.perAccount()).isEqualTo(unbounded.perAccount());
    }

    @Test
    void shouldWriteEachAccountsUnboundedOutputsWhenEverySweepOfAGeneratedHistoryIsBounded() {
        final List<SpecificRecord> history = new ArrayList<>();
        new HistoryGenerator(GeneratorOptions.defaults().withAccounts(20).withDays(GeneratorOptions.MIN_DAYS).withSeed(7))
                .generate(new ListSink(history));
        final Outputs unbounded = unboundedRun(history);

        final Outputs bounded = boundedRun(history, 2);

        assertThat(unbounded.alerts()).hasSizeGreaterThan(5);
        assertThat(bounded.perAccount()).isEqualTo(unbounded.perAccount());
    }
}
