package io.churnwatch.signals;

import io.churnwatch.events.Segment;

/**
 * The inputs of one evaluation of an account: its state, the evaluation time (the account's clock), its
 * segment and owner (LOW_TOUCH without owner for an unknown account) and the health score computed at that time
 * ({@code null} when no component has data).
 */
record Evaluation(AccountState state, long now, Segment segment, String ownerId, HealthSnapshot health) {

    long day() {
        return Days.of(now);
    }
}
