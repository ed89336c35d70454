package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

    @ParameterizedTest
    @CsvSource({
        "usage, usage, 0",
        "usgae, usage, 1",
        "usage, usages, 1",
        "usage, usege, 1",
        "usage, sage, 1",
        "'', abc, 3",
        "kitten, sitting, 3",
    })
    void shouldCountEditsWhenComparingStrings(final String a, final String b, final int expected) {
        assertThat(EditDistance.between(a, b)).isEqualTo(expected);
        assertThat(EditDistance.between(b, a)).isEqualTo(expected);
    }
}
