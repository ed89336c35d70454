package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.day;
import static io.churnwatch.topology.Events.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.Segment;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SILENCE fires from stream time advanced by other accounts' records, and the deadline sweep only looks at
 * accounts whose deadline passed.
 */
class SilenceTopologyTest {

    private final PipelineDriver pipeline = PipelineDriver.withDefaults();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldOpenSilenceWhenTheSilentAccountSendsNothing() {
        pipeline.send(login("quiet", at(0, 9)));
        for (int d = 0; d <= 16; d++) {
            pipeline.send(login("busy", at(d, 10)));
        }

        final List<ChurnRiskAlert> silence = pipeline.alerts().stream()
                .filter(a -> a.getSignal() == ChurnSignal.SILENCE).toList();
        assertThat(silence).hasSize(1);
        assertThat(silence.get(0).getAccountId()).isEqualTo("quiet");
        assertThat(silence.get(0).getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(silence.get(0).getEventTime()).isEqualTo(at(0, 9).plus(Duration.ofDays(14)));
    }

    @Test
    void shouldOpenSilenceWithinASecondWhenOnlyAProfileMovesStreamTimePastItsDeadline() {
        pipeline.send(login("quiet", at(0, 9)));
        // A profile reaches the task, not the account engine: the wall-clock check sees the stream time it set.
        pipeline.send(AccountProfile.newBuilder(Events.profile("other", Segment.LOW_TOUCH, "csm-1"))
                .setSignedUpAt(at(16, 10)).build());
        pipeline.advanceWallClock(Duration.ofSeconds(1));

        assertThat(pipeline.alerts()).filteredOn(a -> a.getSignal() == ChurnSignal.SILENCE)
                .extracting(ChurnRiskAlert::getAccountId, ChurnRiskAlert::getEventTime)
                .containsExactly(tuple("quiet", at(0, 9).plus(Duration.ofDays(14))));
    }

    @Test
    void shouldResolveSilenceWhenTheAccountIsActiveAgain() {
        pipeline.send(login("quiet", at(0, 9)));
        pipeline.send(login("busy", at(15, 10)));
        pipeline.send(login("quiet", at(16, 9)));

        assertThat(pipeline.alerts()).filteredOn(a -> a.getSignal() == ChurnSignal.SILENCE)
                .extracting(ChurnRiskAlert::getStatus)
                .containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
    }

    @Test
    void shouldExamineOnlyAccountsWhoseDeadlinePassedWhenSweeping() {
        final int dueTomorrow = 20;
        final int dueLater = 200;
        for (int i = 0; i < dueTomorrow; i++) {
            pipeline.send(login(String.format(Locale.ROOT, "early-%03d", i), at(0, 8)));
        }
        final double examinedBefore = examined().total();

        // Stream time passes the first midnight only: the early accounts are due, the late ones are not.
        for (int i = 0; i < dueLater; i++) {
            pipeline.send(login(String.format(Locale.ROOT, "late-%03d", i), at(1, 1)));
        }
        pipeline.send(login("clock", at(1, 12)));

        assertThat(examined().total() - examinedBefore).isEqualTo(dueTomorrow);
    }

    @Test
    void shouldEvaluateEachDeadlineAtItsOwnTimeWhenStreamTimeJumps() {
        pipeline.send(login("quiet", at(0, 9)));
        pipeline.send(login("busy", day(40)));

        final List<ChurnRiskAlert> silence = pipeline.alerts().stream()
                .filter(a -> a.getSignal() == ChurnSignal.SILENCE).toList();
        // Opened at the 14-day deadline, escalated to HIGH at 28 days: one episode, one id, two event times.
        assertThat(silence).extracting(ChurnRiskAlert::getEventTime)
                .containsExactly(at(0, 9).plus(Duration.ofDays(14)), at(0, 9).plus(Duration.ofDays(28)));
        assertThat(silence).extracting(ChurnRiskAlert::getAlertId).containsOnly(silence.get(0).getAlertId());
    }

    private HistogramSnapshot examined() {
        return pipeline.meters.find("churnwatch.sweep.accounts.examined").summary().takeSnapshot();
    }
}
