package io.churnwatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterContactTest {

    private static final Instant FIRST = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-05T10:00:30Z");

    @Test
    void shouldBeReachableWhenNoReadFailed() {
        assertThat(ClusterContact.REACHABLE.reachable()).isTrue();
        assertThat(ClusterContact.REACHABLE.describe()).isEqualTo("reachable");
    }

    @Test
    void shouldKeepTheFirstFailureTimeWhenReadsKeepFailing() {
        final ClusterContact contact = ClusterContact.REACHABLE.failed(FIRST, "timed out").failed(LATER, "refused");
        assertThat(contact.reachable()).isFalse();
        assertThat(contact.failingSince()).isEqualTo(FIRST);
        assertThat(contact.describe()).isEqualTo("unreachable since 2026-01-05T10:00:00Z: refused");
    }
}
