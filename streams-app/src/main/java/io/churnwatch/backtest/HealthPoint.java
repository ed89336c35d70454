package io.churnwatch.backtest;

import java.time.Instant;

/** One health update: the account's score (0-100, higher is healthier) as of {@code asOf}. */
public record HealthPoint(Instant asOf, int score) {
}
