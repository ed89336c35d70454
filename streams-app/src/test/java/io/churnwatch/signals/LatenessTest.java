package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.UsageKind;
import org.junit.jupiter.api.Test;

class LatenessTest {

    private static long loginsOn(final Scenario s, final int day) {
        final long d = Days.of(day(day).toEpochMilli());
        return s.state.usage().logins().sum(d, d + 1);
    }

    @Test
    void shouldNotFlagFirstRecordOfAccountAsLate() {
        final Scenario s = Scenario.defaults();

        assertThat(s.logins(at(0, 8), 1).arrival()).isEqualTo(Outcome.Arrival.IN_ORDER);
    }

    @Test
    void shouldCallARecordInOrderWhenItIsAsOldAsTheAccountsClock() {
        final Scenario s = Scenario.defaults();
        s.logins(at(3, 8), 1);

        assertThat(s.logins(at(3, 8), 1).arrival()).isEqualTo(Outcome.Arrival.IN_ORDER);
    }

    @Test
    void shouldFlagLateAndKeepCountsWhenRecordIsOlderThanGrace() {
        final Scenario s = Scenario.defaults();
        s.logins(at(5, 8), 1);
        s.logins(at(10, 8), 1);

        final Outcome outcome = s.logins(at(8, 7), 4);

        assertThat(outcome.late()).isTrue();
        assertThat(loginsOn(s, 8)).isZero();
        assertThat(s.state.clock()).isEqualTo(at(10, 8));
    }

    @Test
    void shouldFlagLateTicketAndLeaveTicketCountsUnchanged() {
        final Scenario s = Scenario.defaults();
        s.ticket(at(10, 8), TicketCategory.BUG);

        final Outcome outcome = s.ticket(at(3, 8), TicketCategory.BUG);

        assertThat(outcome.late()).isTrue();
        final long d = Days.of(day(0).toEpochMilli());
        assertThat(s.state.support().opened().sum(d, d + 20)).isEqualTo(1);
    }

    @Test
    void shouldAdvanceLastUsageWhenLateRecordIsNewerThanIt() {
        final Scenario s = Scenario.defaults();
        s.usage(at(0, 8), UsageKind.ACTIVITY, 1, null);
        s.ticket(at(10, 8), TicketCategory.QUESTION);

        final Outcome outcome = s.usage(at(5, 8), UsageKind.LOGIN, 1, null);
        s.advanceTo(day(25));

        assertThat(outcome.late()).isTrue();
        assertThat(loginsOn(s, 5)).isZero();
        // silence counts from the late usage (day 5), not from day 0
        assertThat(s.alerts(ChurnSignal.SILENCE)).extracting(ChurnRiskAlert::getOpenedAt).containsExactly(at(19, 8));
    }

    @Test
    void shouldCountOutOfOrderRecordInItsOwnDayWhenWithinGrace() {
        final Scenario s = Scenario.defaults();
        s.logins(at(10, 6), 1);

        final Outcome outcome = s.logins(at(9, 20), 2);

        assertThat(outcome.arrival()).isEqualTo(Outcome.Arrival.BEHIND_CLOCK);
        assertThat(loginsOn(s, 9)).isEqualTo(2);
        assertThat(loginsOn(s, 10)).isEqualTo(1);
        assertThat(s.state.clock()).isEqualTo(at(10, 6));
    }
}
