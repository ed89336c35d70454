package io.churnwatch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.connect.billing.BillingEventTransform;
import io.churnwatch.connect.converter.ChurnwatchAvroConverter;
import io.churnwatch.connect.postgres.PostgresSinkConnector;
import io.churnwatch.connect.webhook.WebhookSinkConnector;
import java.util.ServiceLoader;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

/**
 * Every plugin is listed in a {@code META-INF/services} manifest, so that a worker with
 * {@code plugin.discovery=service_load} (KIP-898, the fast discovery) finds it without scanning the jars.
 */
class PluginManifestTest {

    private static <T> Iterable<Class<?>> listed(final Class<T> type) {
        return ServiceLoader.load(type).stream().<Class<?>>map(ServiceLoader.Provider::type).toList();
    }

    @Test
    void shouldListBothSinkConnectorsWhenLoadedAsServices() {
        assertThat(listed(SinkConnector.class)).contains(WebhookSinkConnector.class, PostgresSinkConnector.class);
    }

    @Test
    void shouldListTheConverterWhenLoadedAsAService() {
        assertThat(listed(Converter.class)).contains(ChurnwatchAvroConverter.class);
    }

    @Test
    void shouldListTheBillingTransformWhenLoadedAsAService() {
        assertThat(listed(Transformation.class)).contains(BillingEventTransform.class);
    }
}
