package io.churnwatch.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.churnwatch.events.Segment;
import io.churnwatch.jsonl.JsonlFiles;
import io.churnwatch.signals.ChurnSignal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The JSONL form of {@link GroundTruth} ({@code truth.jsonl.gz} of a generated data set), one account per line:
 * {@code {"accountId":"acct-00001","segment":"TECH_TOUCH","archetype":"CHURNING",
 * "behaviourStartsAt":"2026-02-20T00:00:00Z","cancellationRequestedAt":"...","cancelledAt":"...",
 * "expectedSignals":["LOGIN_DECLINE","CANCELLATION_REQUESTED"]}}. Instants are ISO-8601 UTC or null.
 * {@code accountId} and {@code cancelledAt} mean the same as in the OULAD data set's truth file, so one scorer
 * can read both.
 */
public final class GroundTruthJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GroundTruthJson() {
    }

    /** One line of JSON, without a line terminator. */
    public static String write(final GroundTruth truth) {
        final ObjectNode node = MAPPER.createObjectNode()
                .put("accountId", truth.accountId())
                .put("segment", truth.segment().name())
                .put("archetype", truth.archetype().name())
                .put("behaviourStartsAt", text(truth.behaviourStartsAt()))
                .put("cancellationRequestedAt", text(truth.cancellationRequestedAt()))
                .put("cancelledAt", text(truth.cancelledAt()));
        final ArrayNode signals = node.putArray("expectedSignals");
        truth.expectedSignals().stream().sorted().forEach(s -> signals.add(s.name()));
        return node.toString();
    }

    /**
     * Parses one line written by {@link #write(GroundTruth)}.
     *
     * @throws IllegalArgumentException if the line is not a ground-truth record
     */
    public static GroundTruth parse(final String line) {
        try {
            final JsonNode node = MAPPER.readTree(line);
            final Set<ChurnSignal> signals = EnumSet.noneOf(ChurnSignal.class);
            node.path("expectedSignals").forEach(s -> signals.add(ChurnSignal.valueOf(s.asText())));
            return new GroundTruth(node.path("accountId").asText(), Segment.valueOf(node.path("segment").asText()),
                    Archetype.valueOf(node.path("archetype").asText()), instant(node, "behaviourStartsAt"),
                    instant(node, "cancellationRequestedAt"), instant(node, "cancelledAt"), signals);
        } catch (final IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a ground-truth line: " + e.getMessage(), e);
        }
    }

    /** Every record of a truth file, gzip-compressed or not. */
    public static List<GroundTruth> read(final Path path) {
        final List<GroundTruth> truths = new ArrayList<>();
        try (BufferedReader reader = JsonlFiles.openLines(path)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    truths.add(parse(line));
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return truths;
    }

    private static String text(final Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(final JsonNode node, final String field) {
        final JsonNode value = node.path(field);
        return value.isTextual() ? Instant.parse(value.textValue()) : null;
    }
}
