package io.churnwatch.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

    @Test
    void shouldUseDocumentedDefaultsWhenDefaults() {
        assertThat(GeneratorOptions.defaults()).isEqualTo(
                new GeneratorOptions(2000, 90, 42L, Instant.parse("2026-01-05T00:00:00Z")));
    }

    @Test
    void shouldEndAfterDaysWhenAskedForEnd() {
        assertThat(GeneratorOptions.defaults().end()).isEqualTo(Instant.parse("2026-04-05T00:00:00Z"));
    }

    @Test
    void shouldRejectWithOneLineWhenTooFewDaysForArchetypes() {
        assertThatThrownBy(() -> GeneratorOptions.defaults().withDays(30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days must be between 63")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldRejectWhenNoAccounts() {
        assertThatThrownBy(() -> GeneratorOptions.defaults().withAccounts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accounts must be between 1");
    }
}
