package io.churnwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.Segment;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalsConfigTest {

    @Test
    void shouldUseDocumentedDefaultsWhenNothingIsSet() {
        final SignalsConfig config = SignalsConfig.defaults();

        assertThat(config.grace()).isEqualTo(Duration.ofDays(1));
        assertThat(config.loginDecline().recentDays()).isEqualTo(7);
        assertThat(config.loginDecline().baselineDays()).isEqualTo(28);
        assertThat(config.loginDecline().openRatio()).isEqualTo(0.5);
        assertThat(config.loginDecline().resolveRatio()).isEqualTo(0.75);
        assertThat(config.ticketSpike().minCount()).isEqualTo(3);
        assertThat(config.ticketSpike().ratio()).isEqualTo(3.0);
        assertThat(config.silenceDays(Segment.HIGH_TOUCH)).isEqualTo(14);
        assertThat(config.paymentGraceDays()).isEqualTo(3);
        assertThat(config.cooldownDays()).isEqualTo(7);
        assertThat(config.healthDropPoints()).isEqualTo(20);
        assertThat(config.severityHighMrrCents()).isEqualTo(100_000);
        assertThat(config.maxFeatures()).isEqualTo(64);
    }

    @Test
    void shouldApplySegmentOverrideOnlyToItsSegment() {
        final SignalsConfig config = SignalsConfig.of(Map.of("silence.days", "21", "silence.days.tech_touch", "5"));

        assertThat(config.silenceDays(Segment.TECH_TOUCH)).isEqualTo(5);
        assertThat(config.silenceDays(Segment.LOW_TOUCH)).isEqualTo(21);
    }

    @ParameterizedTest
    @CsvSource({"silence.days,0", "silence.days,abc", "login.decline.open.ratio,1.5", "ticket.spike.min.count,0",
        "health.weight.support,-1", "alert.cooldown.days,400", "severity.high.mrr.cents,-5",
        "features.max.tracked,0", "window.grace,-1"})
    void shouldNameKeyWhenValueIsInvalid(final String key, final String value) {
        assertThatThrownBy(() -> SignalsConfig.of(Map.of(key, value)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(key);
    }

    @Test
    void shouldRejectResolveRatioNotAboveOpenRatio() {
        assertThatThrownBy(() -> SignalsConfig.of(Map.of("login.decline.open.ratio", "0.6",
                "login.decline.resolve.ratio", "0.6")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("login.decline.resolve.ratio");
    }

    @Test
    void shouldRejectTicketResolveCountAboveMinCount() {
        assertThatThrownBy(() -> SignalsConfig.of(Map.of("ticket.spike.resolve.count", "4")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ticket.spike.resolve.count");
    }

    @Test
    void shouldRejectTicketResolveRatioAboveOpenRatio() {
        assertThatThrownBy(() -> SignalsConfig.of(Map.of("ticket.spike.resolve.ratio", "3.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ticket.spike.resolve.ratio");
    }

    @Test
    void shouldRejectHealthWeightsWithoutPositiveSum() {
        final Map<String, String> zero = Map.of("health.weight.usage_trend", "0", "health.weight.recency", "0",
                "health.weight.breadth", "0", "health.weight.support", "0", "health.weight.billing", "0");

        assertThatThrownBy(() -> SignalsConfig.of(zero))
                .isInstanceOf(ConfigException.class).hasMessageContaining("health.weight.");
    }

    @Test
    void shouldReadSignalKeysThroughChurnConfig() {
        final ChurnConfig config = new ChurnConfig(Map.of("payment.failure.grace.days", "5"));

        assertThat(config.signals().paymentGraceDays()).isEqualTo(5);
    }

    @Test
    void shouldDeclareEveryKeyWithDocumentation() {
        assertThat(SignalsConfig.define(new ConfigDef()).configKeys().values())
                .hasSizeGreaterThan(30)
                .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
    }
}
