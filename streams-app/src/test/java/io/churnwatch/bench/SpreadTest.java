package io.churnwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void shouldTakeTheMiddleValueWhenTheCountIsOdd() {
        assertThat(Spread.of(List.of(9.0, 1.0, 4.0)).median()).isEqualTo(4.0);
    }

    @Test
    void shouldAverageTheTwoMiddleValuesWhenTheCountIsEven() {
        assertThat(Spread.of(List.of(9.0, 1.0, 4.0, 6.0)).median()).isEqualTo(5.0);
    }

    @Test
    void shouldKeepTheSmallestAndLargestWhenSummarising() {
        final Spread spread = Spread.of(List.of(3.0, 8.0, 5.0));

        assertThat(spread.min()).isEqualTo(3.0);
        assertThat(spread.max()).isEqualTo(8.0);
    }

    @Test
    void shouldRefuseWhenThereAreNoValues() {
        assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
