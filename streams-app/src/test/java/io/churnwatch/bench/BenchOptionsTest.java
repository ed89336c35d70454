package io.churnwatch.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final BenchOptions Q = BenchOptions.QUICK;

    @Test
    void shouldRefuseMoreAccountsThanEventsWhenCreating() {
        assertThatThrownBy(() -> new BenchOptions(5_000, 5_001, Q.days(), Q.rounds(), Q.partitions(), Q.rate(),
                Q.latencySeconds(), Q.warmupSeconds(), Q.sweepAccounts(), Q.sweepExpiring(), Q.sweepTicks(), Q.seed()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--accounts must be between 1 and --events");
    }

    @Test
    void shouldRefuseAWarmupAsLongAsTheLatencyRunWhenCreating() {
        assertThatThrownBy(() -> new BenchOptions(Q.events(), Q.accounts(), Q.days(), Q.rounds(), Q.partitions(),
                Q.rate(), 5, 5, Q.sweepAccounts(), Q.sweepExpiring(), Q.sweepTicks(), Q.seed()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--warmup-seconds");
    }

    @Test
    void shouldRefuseAnEmptySweepSizeListWhenCreating() {
        assertThatThrownBy(() -> new BenchOptions(Q.events(), Q.accounts(), Q.days(), Q.rounds(), Q.partitions(),
                Q.rate(), Q.latencySeconds(), Q.warmupSeconds(), List.of(), Q.sweepExpiring(), Q.sweepTicks(),
                Q.seed()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--sweep-accounts");
    }
}
