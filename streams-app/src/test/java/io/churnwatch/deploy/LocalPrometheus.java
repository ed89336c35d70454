package io.churnwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Utils;

/**
 * A real Prometheus server (the {@code prometheus} binary on the PATH, Debian's package for one) started on a
 * loopback port with a throw-away storage directory, scraping one target every second, and asked through its HTTP
 * API ({@code /api/v1/query}).
 */
final class LocalPrometheus implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path dir;
    private final URI api;

    private LocalPrometheus(final Process process, final Path dir, final URI api) {
        this.process = process;
        this.dir = dir;
        this.api = api;
    }

    /** The binary on the PATH, if Prometheus is installed. */
    static Optional<Path> binary() {
        final String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, "prometheus"))
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts a server scraping {@code target} ({@code host:port}, path {@code /metrics}) every second. */
    static LocalPrometheus scraping(final Path binary, final String target) throws IOException {
        final Path dir = Files.createTempDirectory("churnwatch-prometheus-");
        final Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n", "global:", "  scrape_interval: 1s", "  evaluation_interval: 1s",
                "scrape_configs:", "  - job_name: churnwatch", "    metrics_path: /metrics", "    static_configs:",
                "      - targets: ['" + target + "']", ""));
        final int port = freePort();
        final Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        return new LocalPrometheus(process, dir, URI.create("http://127.0.0.1:" + port));
    }

    /** Whether the server answers ready. */
    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(api.resolve("/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (final IOException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code data} of an instant query of {@code promql}; throws when Prometheus refuses the expression. */
    JsonNode query(final String promql) throws IOException, InterruptedException {
        final URI uri = api.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        final JsonNode answer = JSON.readTree(HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!"success".equals(answer.path("status").asText())) {
            throw new IllegalArgumentException("Prometheus refused " + promql + ": " + answer.path("error").asText());
        }
        return answer.path("data");
    }

    /** Series of an instant query of {@code promql}. */
    int series(final String promql) throws IOException, InterruptedException {
        return query(promql).path("result").size();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
            Utils.delete(dir.toFile());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
