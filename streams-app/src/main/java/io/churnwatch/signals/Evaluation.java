package io.churnwatch.signals;

import io.churnwatch.events.Segment;

/**
 * The inputs of one evaluation of an account: its state, the evaluation time (the account's clock), its
 * segment and owner (LOW_TOUCH without owner for an unknown account), its login and ticket windows at that time
 * and the health score computed from them ({@code null} when no component has data).
 */
record Evaluation(AccountState state, long now, Segment segment, String ownerId, Trends trends,
                  HealthSnapshot health) {

    long day() {
        return Days.of(now);
    }
}
