package io.churnwatch.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.connect.testing.ContractRecords;
import io.churnwatch.signals.Severity;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private final ContractRecords alerts = new ContractRecords();
    private final IdempotencyKey keys = new IdempotencyKey(List.of("alertId", "revision", "status", "severity"));

    @Test
    void shouldGiveTheSameKeyWhenTheSameVersionIsRedelivered() {
        assertThat(keys.of(alerts.alert("a", 1, Severity.LOW, 0).value()))
                .isEqualTo(keys.of(alerts.alert("a", 1, Severity.LOW, 9).value()));
    }

    @Test
    void shouldGiveANewKeyWhenTheSeverityRises() {
        assertThat(keys.of(alerts.alert("a", 1, Severity.LOW, 0).value()))
                .isNotEqualTo(keys.of(alerts.alert("a", 1, Severity.HIGH, 1).value()));
    }

    @Test
    void shouldRefuseWhenTheValueIsNotAStruct() {
        assertThatThrownBy(() -> keys.of("a string")).isInstanceOf(DataException.class).hasMessageContaining("struct");
    }
}
