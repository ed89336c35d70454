package io.churnwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPartTest {

    @Test
    void shouldReadPartsInAnyCaseWhenParsing() {
        assertThat(BenchPart.parse(List.of("d", "Replay", " SWEEP")))
                .isEqualTo(EnumSet.of(BenchPart.D, BenchPart.REPLAY, BenchPart.SWEEP));
    }

    @Test
    void shouldNameTheKnownPartsWhenAPartIsUnknown() {
        assertThatThrownBy(() -> BenchPart.parse(List.of("D", "E")))
                .hasMessage("--parts: unknown part 'E'; the parts are A,B,C,D,replay,latency,sweep");
    }

    @Test
    void shouldRefuseNoPartsWhenParsing() {
        assertThatThrownBy(() -> BenchPart.parse(List.of())).hasMessage("--parts must name at least one part");
    }
}
