package io.churnwatch.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.jsonl.JsonlFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the outcomes a backtest judges the alerts against ({@code --outcomes}): JSONL, plain or gzip, one account
 * per line, in either of two forms:
 * <ul>
 *   <li>churnwatch's: {@code {"accountId": "a-1", "outcome": "CHURNED", "date": "2026-03-01T00:00:00Z"}}, outcome
 *       CHURNED (date: when it left), RETAINED or OTHER (date: the end of its observation);
 *   <li>the OULAD truth file's: {@code final_result} Withdrawn is CHURNED at {@code cancelledAt}, Pass and
 *       Distinction are RETAINED and Fail is OTHER, until {@code courseEnd}.
 * </ul>
 * A line that is neither is an error naming the file and line: a backtest must not silently judge fewer accounts.
 */
public final class OutcomesFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomesFile() {
    }

    /** The outcome of every account of {@code file}, by account id. */
    public static Map<String, Outcome> read(final Path file) throws IOException {
        final Map<String, Outcome> outcomes = new TreeMap<>();
        try (BufferedReader in = JsonlFiles.openLines(file)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    final JsonNode node = JSON.readTree(line);
                    outcomes.put(text(node, "accountId"), parse(node));
                } catch (final IOException | IllegalArgumentException | DateTimeParseException e) {
                    throw new IOException(file + " line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        return outcomes;
    }

    /**
     * The outcomes a backtest judges by: those of the file, except that an account the input shows cancelling
     * (CHURNED in {@code fromInput}) that the file calls OTHER, or does not name, is CHURNED at its cancellation: a
     * CANCELLED event is churn (the OULAD truth file calls a few unregistered enrolments Fail). An account the file
     * calls RETAINED or CHURNED keeps the file's outcome. {@code overruled} counts the accounts the input decided.
     */
    public record Combined(Map<String, Outcome> outcomes, int overruled) {
    }

    public static Combined combine(final Map<String, Outcome> fromInput, final Map<String, Outcome> fromFile) {
        final Map<String, Outcome> combined = new TreeMap<>(fromFile);
        int overruled = 0;
        for (final Map.Entry<String, Outcome> input : fromInput.entrySet()) {
            final Outcome file = fromFile.get(input.getKey());
            if (input.getValue().kind() == Outcome.Kind.CHURNED
                    && (file == null || file.kind() == Outcome.Kind.OTHER)) {
                combined.put(input.getKey(), input.getValue());
                overruled++;
            }
        }
        return new Combined(combined, overruled);
    }

    static Outcome parse(final JsonNode node) {
        if (node.hasNonNull("outcome")) {
            final Outcome.Kind kind = Outcome.Kind.valueOf(text(node, "outcome").toUpperCase(Locale.ROOT));
            final Instant date = instant(node, "date");
            if (date == null && kind != Outcome.Kind.OTHER) {
                throw new IllegalArgumentException("a " + kind + " outcome needs a date");
            }
            return new Outcome(kind, date);
        }
        if (node.hasNonNull("final_result")) {
            final String result = text(node, "final_result");
            return switch (result) {
                case "Withdrawn" -> node.hasNonNull("cancelledAt")
                        ? new Outcome(Outcome.Kind.CHURNED, instant(node, "cancelledAt"))
                        : new Outcome(Outcome.Kind.OTHER, instant(node, "courseEnd"));
                case "Pass", "Distinction" -> new Outcome(Outcome.Kind.RETAINED, required(node, "courseEnd"));
                case "Fail" -> new Outcome(Outcome.Kind.OTHER, instant(node, "courseEnd"));
                default -> throw new IllegalArgumentException("unknown final_result '" + result + "'");
            };
        }
        throw new IllegalArgumentException("neither \"outcome\" (CHURNED, RETAINED, OTHER) nor \"final_result\"");
    }

    private static String text(final JsonNode node, final String field) {
        if (!node.hasNonNull(field) || !node.get(field).isTextual()) {
            throw new IllegalArgumentException("missing text field \"" + field + "\"");
        }
        return node.get(field).asText();
    }

    private static Instant required(final JsonNode node, final String field) {
        final Instant at = instant(node, field);
        if (at == null) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return at;
    }

    private static Instant instant(final JsonNode node, final String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
    }
}
