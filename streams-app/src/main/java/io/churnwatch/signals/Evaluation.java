package io.churnwatch.signals;

import io.churnwatch.events.Segment;

/**
 * The inputs of one evaluation of an account: its state, the evaluation time (the account's clock), its
 * segment and owner (LOW_TOUCH without owner for an unknown account), its login and ticket windows at that time,
 * the health score computed from them ({@code null} when no component has data) and the figures of its cohort
 * that are final by then ({@code null} when it has none, or too few members).
 */
record Evaluation(AccountState state, long now, Segment segment, String ownerId, Trends trends,
                  HealthSnapshot health, CohortRecency.Day cohort) {

    long day() {
        return Days.of(now);
    }
}
