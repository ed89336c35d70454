package io.churnwatch.connect.webhook;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What a webhook task did, as counters: records delivered (2xx), attempts retried, records rejected to the
 * dead-letter queue, redelivered records skipped because they had been delivered already, and batches handed
 * back to Connect. Registered as the task's plugin metrics (KIP-877), which the worker reports over JMX in the
 * group {@code connector-task-plugin-metrics} with the connector and task as tags, so they reach Prometheus
 * beside Connect's own sink metrics.
 */
public final class WebhookMetrics {

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong handedBack = new AtomicLong();

    /** Counters, registered with {@code plugin} when the worker offers plugin metrics (null: counted only). */
    public static WebhookMetrics register(final PluginMetrics plugin) {
        final WebhookMetrics metrics = new WebhookMetrics();
        if (plugin != null) {
            metrics.add(plugin, "webhook-delivered-total", "Records the endpoint accepted (2xx).", metrics.delivered);
            metrics.add(plugin, "webhook-retries-total", "Requests retried after 408/429/5xx/IO errors.",
                    metrics.retries);
            metrics.add(plugin, "webhook-rejected-total", "Records sent to the dead-letter queue.", metrics.rejected);
            metrics.add(plugin, "webhook-redelivered-skipped-total",
                    "Redelivered records not sent again: delivered already.", metrics.skipped);
            metrics.add(plugin, "webhook-handed-back-total",
                    "Batches handed back to Connect after the attempts ran out.", metrics.handedBack);
        }
        return metrics;
    }

    private void add(final PluginMetrics plugin, final String name, final String doc, final AtomicLong counter) {
        plugin.addMetric(plugin.metricName(name, doc, new LinkedHashMap<>()), (Measurable) (config, now) -> counter.get());
    }

    void delivered() {
        delivered.incrementAndGet();
    }

    void retried() {
        retries.incrementAndGet();
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    void handedBack() {
        handedBack.incrementAndGet();
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long retryCount() {
        return retries.get();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    public long skippedCount() {
        return skipped.get();
    }

    @Override
    public String toString() {
        return "delivered=" + delivered + " retries=" + retries + " rejected=" + rejected + " skipped=" + skipped
                + " handedBack=" + handedBack;
    }
}
