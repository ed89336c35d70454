package io.churnwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ChurnMetrics metrics = new ChurnMetrics(registry);

    private Counter counter(final String name, final String... tags) {
        return registry.find(name).tags(tags).counter();
    }

    @Test
    void shouldExposeTheInputCountersAtZeroWhenNoBadRecordCameYet() {
        metrics.registerInputs(List.of("billing", "product-usage"), List.of("null-value", "key-mismatch"));

        assertThat(counter("churnwatch.late.records", "topic", "billing").count()).isZero();
        assertThat(counter("churnwatch.reordered.records", "topic", "billing").count()).isZero();
        assertThat(counter("churnwatch.duplicate.records", "topic", "product-usage").count()).isZero();
        assertThat(counter("churnwatch.input.skipped", "topic", "billing").count()).isZero();
        assertThat(registry.find("churnwatch.dlq.records").counters()).hasSize(4)
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void shouldCountOnTheSameSeriesWhenARegisteredInputSeesABadRecord() {
        metrics.registerInputs(List.of("billing"), List.of("null-value"));

        metrics.deadLettered("billing", "null-value");
        metrics.late("billing");

        assertThat(counter("churnwatch.dlq.records", "topic", "billing", "reason", "null-value").count()).isEqualTo(1);
        assertThat(counter("churnwatch.late.records", "topic", "billing").count()).isEqualTo(1);
        assertThat(registry.find("churnwatch.dlq.records").counters()).hasSize(1);
    }
}
