package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.billing;
import static io.churnwatch.topology.Events.day;
import static io.churnwatch.topology.Events.login;
import static io.churnwatch.topology.Events.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The billing signals through the whole topology: PAYMENT_FAILED (opened by the deadline sweep after the 3-day
 * grace), DOWNGRADE, CANCELLATION_REQUESTED, and CANCELLED, which closes every open alert and silences the
 * account. MRRs stay below the high-MRR threshold, so severities are the signals' own.
 */
class BillingTopologyTest {

    private static final String ACCOUNT = "payer";
    private static final long MRR = 50_000;

    private final PipelineDriver pipeline = PipelineDriver.withDefaults();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private List<ChurnRiskAlert> alerts() {
        return pipeline.alerts().stream().filter(a -> a.getAccountId().equals(ACCOUNT)).toList();
    }

    private List<ChurnRiskAlert> alerts(final ChurnSignal signal) {
        return alerts().stream().filter(a -> a.getSignal() == signal).toList();
    }

    @Test
    void shouldOpenPaymentFailedThroughTheSweepWhenNotRecoveredWithinThreeDays() {
        pipeline.send(billing(ACCOUNT, at(1, 9), BillingEventType.SUBSCRIPTION_STARTED, MRR));
        pipeline.send(billing(ACCOUNT, at(10, 9), BillingEventType.PAYMENT_FAILED, MRR));

        pipeline.advanceStreamTime(at(13, 8));
        assertThat(alerts(ChurnSignal.PAYMENT_FAILED)).isEmpty();
        pipeline.advanceStreamTime(at(13, 10));

        final List<ChurnRiskAlert> failed = alerts(ChurnSignal.PAYMENT_FAILED);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(failed.get(0).getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(failed.get(0).getEventTime()).isEqualTo(at(13, 9));
        assertThat(failed.get(0).getEvidence()).containsEntry("paymentFailedAt", at(10, 9).toString());
    }

    @Test
    void shouldNeverOpenPaymentFailedWhenPaymentSucceedsWithinThreeDays() {
        pipeline.send(billing(ACCOUNT, at(1, 9), BillingEventType.SUBSCRIPTION_STARTED, MRR));
        pipeline.send(billing(ACCOUNT, at(10, 9), BillingEventType.PAYMENT_FAILED, MRR));
        pipeline.send(billing(ACCOUNT, at(12, 15), BillingEventType.PAYMENT_SUCCEEDED, MRR));

        pipeline.advanceStreamTime(day(30));

        assertThat(alerts(ChurnSignal.PAYMENT_FAILED)).isEmpty();
    }

    @Test
    void shouldCarryTheLostMrrInEvidenceWhenTheAccountDowngrades() {
        pipeline.send(billing(ACCOUNT, at(1, 9), BillingEventType.SUBSCRIPTION_STARTED, 80_000));
        pipeline.send(billing(ACCOUNT, at(5, 9), BillingEventType.DOWNGRADED, 60_000));

        final List<ChurnRiskAlert> downgrades = alerts(ChurnSignal.DOWNGRADE);
        assertThat(downgrades).hasSize(1);
        assertThat(downgrades.get(0).getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(downgrades.get(0).getEventTime()).isEqualTo(at(5, 9));
        assertThat(downgrades.get(0).getEvidence()).containsEntry("previousMrrCents", "80000")
                .containsEntry("newMrrCents", "60000").containsEntry("lostMrrCents", "20000");
    }

    @Test
    void shouldKeepTheLostMrrWhenTheDowngradeIsDeliveredTwice() {
        final BillingEvent downgrade = billing(ACCOUNT, at(5, 9), BillingEventType.DOWNGRADED, 30_000);
        pipeline.send(billing(ACCOUNT, at(1, 9), BillingEventType.SUBSCRIPTION_STARTED, 80_000));
        pipeline.send(downgrade);
        pipeline.send(downgrade);

        pipeline.send(billing(ACCOUNT, at(9, 9), BillingEventType.UPGRADED, 80_000));

        final List<ChurnRiskAlert> downgrades = alerts(ChurnSignal.DOWNGRADE);
        assertThat(downgrades).extracting(ChurnRiskAlert::getStatus)
                .containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
        assertThat(downgrades).extracting(ChurnRiskAlert::getSeverity).containsOnly(Severity.HIGH);
        assertThat(downgrades.get(1).getEvidence()).containsEntry("previousMrrCents", "80000")
                .containsEntry("lostMrrCents", "50000");
    }

    @Test
    void shouldOpenCriticalAlertWhenCancellationIsRequested() {
        pipeline.send(billing(ACCOUNT, at(1, 9), BillingEventType.SUBSCRIPTION_STARTED, MRR));
        pipeline.send(billing(ACCOUNT, at(5, 9), BillingEventType.CANCELLATION_REQUESTED, MRR));

        final List<ChurnRiskAlert> requested = alerts(ChurnSignal.CANCELLATION_REQUESTED);
        assertThat(requested).hasSize(1);
        assertThat(requested.get(0).getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(requested.get(0).getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(requested.get(0).getEventTime()).isEqualTo(at(5, 9));
    }

    @Test
    void shouldCloseEveryOpenAlertAsChurnedWhenTheAccountCancels() {
        final List<ChurnRiskAlert> opened = openAlerts();
        final Instant cancelledAt = at(8, 9);

        pipeline.send(billing(ACCOUNT, cancelledAt, BillingEventType.CANCELLED, 0));

        final List<ChurnRiskAlert> closed = alerts();
        assertThat(closed).extracting(ChurnRiskAlert::getStatus).containsOnly(AlertStatus.CLOSED_CHURNED);
        final List<String> openIds = opened.stream().map(ChurnRiskAlert::getAlertId).distinct().toList();
        assertThat(closed).extracting(ChurnRiskAlert::getAlertId).containsExactlyInAnyOrderElementsOf(openIds);
        assertThat(closed).extracting(ChurnRiskAlert::getEventTime).containsOnly(cancelledAt);
        assertThat(closed).extracting(ChurnRiskAlert::getMrrAtRiskCents).containsOnly(MRR);
    }

    @Test
    void shouldEmitNothingMoreForTheAccountWhenItSendsEventsAfterCancelling() {
        openAlerts();
        final Instant cancelledAt = at(8, 9);
        pipeline.send(billing(ACCOUNT, cancelledAt, BillingEventType.CANCELLED, 0));
        assertThat(alerts()).extracting(ChurnRiskAlert::getStatus).containsOnly(AlertStatus.CLOSED_CHURNED);

        pipeline.send(billing(ACCOUNT, at(9, 9), BillingEventType.PAYMENT_FAILED, MRR));
        for (int hour = 10; hour < 14; hour++) {
            pipeline.send(ticket(ACCOUNT, at(9, hour), TicketCategory.CANCELLATION_INTENT));
            pipeline.send(login(ACCOUNT, at(9, hour)));
        }
        pipeline.advanceStreamTime(day(60));

        assertThat(alerts()).isEmpty();
        assertThat(pipeline.healthUpdates())
                .noneMatch(u -> u.getAccountId().equals(ACCOUNT) && !u.getAsOf().isBefore(cancelledAt));
        assertThat(pipeline.accountState().get(ACCOUNT).hasDeadline()).isFalse();
    }

    /**
     * A subscriber who downgrades, says they will leave and asks to cancel: at least three open alerts (the
     * health score also falls into the AT_RISK band, which opens a HEALTH_DROP).
     */
    private List<ChurnRiskAlert> openAlerts() {
        pipeline.send(billing(ACCOUNT, at(1, 9), BillingEventType.SUBSCRIPTION_STARTED, 80_000));
        pipeline.send(billing(ACCOUNT, at(3, 9), BillingEventType.DOWNGRADED, MRR));
        pipeline.send(ticket(ACCOUNT, at(4, 9), TicketCategory.CANCELLATION_INTENT));
        pipeline.send(billing(ACCOUNT, at(5, 9), BillingEventType.CANCELLATION_REQUESTED, MRR));
        final List<ChurnRiskAlert> opened = alerts();
        assertThat(opened).extracting(ChurnRiskAlert::getSignal).contains(ChurnSignal.DOWNGRADE,
                ChurnSignal.CANCELLATION_INTENT, ChurnSignal.CANCELLATION_REQUESTED);
        return opened;
    }
}
