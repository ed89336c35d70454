package io.churnwatch.backtest;

import io.churnwatch.events.Segment;
import java.time.Instant;
import java.util.List;

/**
 * One account's side of a backtest: its segment, its first usage event (null without any) and the epoch days (UTC)
 * it used the product (sorted, distinct), the alert records and health updates the pipeline wrote for it (in the
 * order written), and its outcome.
 */
public record AccountHistory(String accountId, Segment segment, Instant firstUsage, List<Long> usageDays,
                             List<AlertPoint> alerts, List<HealthPoint> health, Outcome outcome) {

    public AccountHistory {
        usageDays = List.copyOf(usageDays);
        alerts = List.copyOf(alerts);
        health = List.copyOf(health);
    }
}
