package io.churnwatch.serde;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.time.Instant;
import java.util.Locale;

/** Realistic records for the serde tests. */
final class TestRecords {

    private TestRecords() {
    }

    static UsageEvent usage(final int sequence) {
        return UsageEvent.newBuilder()
                .setEventId(String.format(Locale.ROOT, "evt-%08d", sequence))
                .setAccountId("acct-" + sequence % 7)
                .setUserId("user-" + sequence % 3)
                .setKind(sequence % 2 == 0 ? UsageKind.LOGIN : UsageKind.ACTIVITY)
                .setFeature("reports.export")
                .setQuantity(1 + sequence % 5)
                .setOccurredAt(Instant.ofEpochMilli(1_767_225_600_000L + sequence * 1_000L))
                .build();
    }
}
