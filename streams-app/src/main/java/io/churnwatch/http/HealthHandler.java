package io.churnwatch.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.churnwatch.ops.ClusterContact;
import io.churnwatch.ops.LagSnapshot;
import io.churnwatch.ops.LocalStores;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /health/live} and {@code GET /health/ready}, for an orchestrator's probes.
 *
 * <p>Live (200) unless Kafka Streams is in ERROR: a process whose pipeline failed should be restarted.
 * Ready (200) only when Kafka Streams is RUNNING, the account stores can be queried and the cluster answered the
 * last lag read, else 503 — while starting, restoring state or rebalancing, and while the brokers are unreachable
 * (Kafka Streams stays RUNNING then, see {@link io.churnwatch.ops.ClusterContact}). Both answer a JSON body:
 * {@code status} (UP/DOWN), the Streams {@code state} (STARTING before the pipeline exists), and for readiness
 * whether the stores are queryable, {@code cluster} ({@code reachable}, or since when and why not), each stream
 * thread with its state and task counts, and the consumer lag as last read (per group: total and per topic).
 */
final class HealthHandler implements HttpHandler {

    private final Supplier<Optional<Attachment>> attachment;

    HealthHandler(final Supplier<Optional<Attachment>> attachment) {
        this.attachment = attachment;
    }

    /** The body of a readiness answer. */
    record Readiness(String status, String state, boolean storesQueryable, String cluster, List<ThreadView> threads,
                     LagView lag) {
    }

    record ThreadView(String name, String state, int activeTasks, int standbyTasks) {

        static ThreadView of(final ThreadMetadata thread) {
            return new ThreadView(thread.threadName(), thread.threadState(), thread.activeTasks().size(),
                    thread.standbyTasks().size());
        }
    }

    record LagView(String readAt, Map<String, GroupLag> groups) {
    }

    record GroupLag(long total, Map<String, Long> topics) {
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        final String path = exchange.getRequestURI().getPath();
        if ("/health/live".equals(path)) {
            final String state = attachment.get().map(a -> a.streams().state().name()).orElse("STARTING");
            final boolean live = !KafkaStreams.State.ERROR.name().equals(state);
            Exchanges.sendJson(exchange, live ? 200 : 503, Map.of("status", live ? "UP" : "DOWN", "state", state));
        } else if ("/health/ready".equals(path)) {
            final Readiness readiness = readiness();
            Exchanges.sendJson(exchange, "UP".equals(readiness.status()) ? 200 : 503, readiness);
        } else {
            Exchanges.sendError(exchange, 404, "no such endpoint: " + path + " (try /health/live or /health/ready)");
        }
    }

    private Readiness readiness() {
        final Optional<Attachment> attached = attachment.get();
        if (attached.isEmpty()) {
            return new Readiness("DOWN", "STARTING", false, null, List.of(), null);
        }
        final KafkaStreams streams = attached.get().streams();
        final KafkaStreams.State state = streams.state();
        final boolean queryable = state == KafkaStreams.State.RUNNING && queryable(streams);
        final ClusterContact contact = attached.get().monitoring().clusterContact();
        final List<ThreadView> threads = state.isRunningOrRebalancing()
                ? streams.metadataForLocalThreads().stream().map(ThreadView::of).toList() : List.of();
        return new Readiness(queryable && contact.reachable() ? "UP" : "DOWN", state.name(), queryable,
                contact.describe(), threads, lag(attached.get().monitoring().lag(), attached.get().monitoring().lagGroups()));
    }

    private static boolean queryable(final KafkaStreams streams) {
        try {
            new LocalStores(streams).accounts().approximateNumEntries();
            return true;
        } catch (final InvalidStateStoreException e) {
            return false;
        }
    }

    private static LagView lag(final LagSnapshot snapshot, final List<String> groups) {
        if (snapshot.readAt() == null) {
            return null;
        }
        final Map<String, GroupLag> byGroup = new LinkedHashMap<>();
        groups.forEach(group -> byGroup.put(group, new GroupLag(snapshot.total(group), snapshot.byTopic(group))));
        return new LagView(snapshot.readAt().toString(), byGroup);
    }
}
