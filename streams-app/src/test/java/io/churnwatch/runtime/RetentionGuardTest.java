package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionGuardTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String TWO_YEARS = Long.toString(Duration.ofDays(730).toMillis());

    @Test
    void shouldRefuseWhenTheOldestRecordIsOlderThanTheRetention() {
        assertThat(RetentionGuard.refusal("usage.jsonl.gz", "product-usage",
                Map.of("cleanup.policy", "delete", "retention.ms", TWO_YEARS), Instant.parse("2013-02-04T09:00:00Z"),
                NOW)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("usage.jsonl.gz holds records from 2013-02-04T09:00:00Z, older than topic product-usage "
                        + "keeps (retention.ms=63072000000, 730 days)")
                .contains(RetentionGuard.FIX).doesNotContain("\n"));
    }

    @Test
    void shouldAcceptWhenTheOldestRecordIsWithinTheRetention() {
        assertThat(RetentionGuard.refusal("f", "t", Map.of("cleanup.policy", "delete", "retention.ms", TWO_YEARS),
                NOW.minus(Duration.ofDays(729)), NOW)).isEmpty();
    }

    @Test
    void shouldAcceptAnyAgeWhenTheTopicKeepsRecordsForever() {
        assertThat(RetentionGuard.refusal("f", "t", Map.of("cleanup.policy", "delete", "retention.ms", "-1"),
                Instant.EPOCH, NOW)).isEmpty();
    }

    @Test
    void shouldAcceptOldRecordsWhenTheTopicOnlyCompacts() {
        assertThat(RetentionGuard.refusal("f", "t", Map.of("cleanup.policy", "compact", "retention.ms", "1000"),
                Instant.EPOCH, NOW)).isEmpty();
    }

    @Test
    void shouldRefuseWhenTheBrokerWouldRejectTheTimestamp() {
        assertThat(RetentionGuard.refusal("f", "t", Map.of("retention.ms", "-1",
                "message.timestamp.before.max.ms", Long.toString(Duration.ofDays(7).toMillis())),
                NOW.minus(Duration.ofDays(8)), NOW)).hasValueSatisfying(line -> assertThat(line)
                .contains("message.timestamp.before.max.ms=604800000").contains("would refuse them"));
    }

    @Test
    void shouldCountTheRecordsBeforeTheCutoffWhenSomeAreOlder() {
        assertThat(RetentionGuard.olderThan(100, 140, 200)).isEqualTo(40);
    }

    @Test
    void shouldCountEveryRecordWhenNoneIsAtOrAfterTheCutoff() {
        assertThat(RetentionGuard.olderThan(100, -1, 200)).isEqualTo(100);
    }

    @Test
    void shouldReportAnExpiringTopicInOneLineWhenItHoldsOldRecords() {
        assertThat(RetentionGuard.expiring(1_451, Map.of("retention.ms", TWO_YEARS)))
                .hasValueSatisfying(line -> assertThat(line).startsWith("holds 1,451 records older than "
                        + "retention.ms=63072000000 (730 days)").contains(RetentionGuard.FIX));
        assertThat(RetentionGuard.expiring(0, Map.of("retention.ms", TWO_YEARS))).isEmpty();
    }
}
