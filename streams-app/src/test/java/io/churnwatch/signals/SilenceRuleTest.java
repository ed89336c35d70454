package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.UsageKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilenceRuleTest {

    @Test
    void shouldOpenThroughDeadlineWhenAccountSendsNothingForFourteenDays() {
        final Scenario s = Scenario.defaults();
        s.feature(at(0, 12), "reports.export");

        s.advanceTo(day(20));

        assertThat(s.alerts(ChurnSignal.SILENCE, AlertStatus.OPEN)).singleElement().satisfies(a -> {
            assertThat(a.getOpenedAt()).isEqualTo(at(14, 12));
            assertThat(a.getEvidence()).containsEntry("daysSilent", "14")
                    .containsEntry("lastSeenAt", at(0, 12).toString());
            assertThat(a.getSummary()).isEqualTo("No usage for 14 days (last seen 2026-01-05)");
        });
    }

    @Test
    void shouldNeverOpenWhenAccountHasNoUsage() {
        final Scenario s = Scenario.defaults();
        s.billing(at(0, 12), BillingEventType.SUBSCRIPTION_STARTED, 1000);

        s.advanceTo(day(60));

        assertThat(s.alerts(ChurnSignal.SILENCE)).isEmpty();
    }

    @Test
    void shouldUseSegmentOverrideWhenConfigured() {
        final Scenario s = Scenario.with(Map.of("silence.days.high_touch", 7))
                .withProfile(Segment.HIGH_TOUCH, "csm-7");
        s.feature(at(0, 12), "reports.export");

        s.advanceTo(day(10));

        assertThat(s.alerts(ChurnSignal.SILENCE, AlertStatus.OPEN)).extracting(ChurnRiskAlert::getOpenedAt)
                .containsExactly(at(7, 12));
    }

    @Test
    void shouldNotOpenWhenUsageArrivesJustBeforeTheThreshold() {
        final Scenario s = Scenario.defaults();
        s.feature(at(0, 12), "reports.export");
        s.usage(at(14, 11), UsageKind.ACTIVITY, 1, null);

        s.advanceTo(at(28, 10));

        assertThat(s.alerts(ChurnSignal.SILENCE)).isEmpty();
    }

    @Test
    void shouldEmitOnlyOneRecordPerSeverityWhileSilenceContinues() {
        final Scenario s = Scenario.defaults();
        s.feature(at(0, 12), "reports.export");

        s.advanceTo(day(60));

        // MEDIUM at 14 days, escalated to HIGH at twice the silence period; same episode
        assertThat(s.alerts(ChurnSignal.SILENCE)).extracting(ChurnRiskAlert::getSeverity)
                .containsExactly(Severity.MEDIUM, Severity.HIGH);
        assertThat(s.alerts(ChurnSignal.SILENCE)).extracting(ChurnRiskAlert::getOpenedAt).containsOnly(at(14, 12));
        assertThat(s.deadline).isEmpty();
    }

    @Test
    void shouldResolveOnNextUsage() {
        final Scenario s = Scenario.defaults();
        s.feature(at(0, 12), "reports.export");
        s.advanceTo(day(20));

        s.logins(at(21, 8), 1);

        assertThat(s.alerts(ChurnSignal.SILENCE, AlertStatus.RESOLVED)).singleElement().satisfies(a ->
                assertThat(a.getEventTime()).isEqualTo(at(21, 8)));
    }

    @Test
    void shouldReopenAtCooldownEndWhenSilenceReturnsDuringCooldown() {
        final Scenario s = Scenario.with(Map.of("silence.days", 3));
        s.feature(at(0, 12), "reports.export");
        s.advanceTo(day(4));
        s.feature(at(4, 12), "reports.export");

        s.advanceTo(day(14));

        // silent again from day 7 12:00, but the episode resolved at day 4 12:00 cools down until day 11 12:00
        assertThat(s.alerts(ChurnSignal.SILENCE, AlertStatus.OPEN)).extracting(ChurnRiskAlert::getOpenedAt)
                .containsExactly(at(3, 12), at(11, 12));
    }
}
