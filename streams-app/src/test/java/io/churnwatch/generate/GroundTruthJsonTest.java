package io.churnwatch.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.Segment;
import io.churnwatch.signals.ChurnSignal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroundTruthJsonTest {

    @Test
    void shouldRoundTripWhenChurnerHasEveryInstant() {
        final GroundTruth truth = new GroundTruth("acct-00001", Segment.LOW_TOUCH, Archetype.CHURNING,
                Instant.parse("2026-02-20T00:00:00Z"), Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-08T11:30:00Z"),
                Set.of(ChurnSignal.LOGIN_DECLINE, ChurnSignal.CANCELLATION_REQUESTED));

        assertThat(GroundTruthJson.parse(GroundTruthJson.write(truth))).isEqualTo(truth);
    }

    @Test
    void shouldRoundTripWhenHealthyHasNoInstants() {
        final GroundTruth truth = new GroundTruth("acct-00002", Segment.TECH_TOUCH, Archetype.HEALTHY, null, null,
                null, Set.of());

        assertThat(GroundTruthJson.parse(GroundTruthJson.write(truth))).isEqualTo(truth);
    }

    @Test
    void shouldWriteCancelledAtLikeOuladTruthWhenWriting() {
        final GroundTruth truth = new GroundTruth("acct-00003", Segment.HIGH_TOUCH, Archetype.HEALTHY, null, null,
                null, Set.of());

        assertThat(GroundTruthJson.write(truth)).contains("\"accountId\":\"acct-00003\"")
                .contains("\"cancelledAt\":null");
    }

    @Test
    void shouldRejectWhenLineIsNotGroundTruth() {
        assertThatThrownBy(() -> GroundTruthJson.parse("{\"accountId\":\"a\",\"segment\":\"NOPE\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a ground-truth line");
    }
}
