package io.churnwatch.backtest;

import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnSignal;
import java.util.Set;
import java.time.Instant;

/**
 * One alert record as a CRM received it: its signal, the signals of its reasons (those behind a CHURN_RISK
 * alert), its status and its event time {@code at}.
 */
public record AlertPoint(String alertId, ChurnSignal signal, Set<ChurnSignal> reasons, AlertStatus status,
                         Instant at) {

    public AlertPoint {
        reasons = Set.copyOf(reasons);
    }

    /** True when the record is about {@code s}: its own signal, or one of its reasons. */
    public boolean concerns(final ChurnSignal s) {
        return signal == s || reasons.contains(s);
    }
}
