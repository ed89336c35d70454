package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicNameStrategyTest {

    @Test
    void shouldSuffixValueWhenSubjectIsForValues() {
        assertThat(TopicNameStrategy.subject("product-usage", false)).isEqualTo("product-usage-value");
    }

    @Test
    void shouldSuffixKeyWhenSubjectIsForKeys() {
        assertThat(TopicNameStrategy.subject("product-usage", true)).isEqualTo("product-usage-key");
    }
}
