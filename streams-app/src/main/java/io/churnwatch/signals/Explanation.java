package io.churnwatch.signals;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The numbers behind an alert (evidence, keys sorted so that output is deterministic) and its one-line summary.
 * Built through {@link #builder()}.
 */
record Explanation(SortedMap<String, String> evidence, String summary) {

    Explanation {
        evidence = Collections.unmodifiableSortedMap(new TreeMap<>(evidence));
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects evidence entries; values are formatted locale-independently. */
    static final class Builder {
        private final TreeMap<String, String> evidence = new TreeMap<>();

        Builder put(final String key, final String value) {
            evidence.put(key, value);
            return this;
        }

        Builder put(final String key, final long value) {
            return put(key, Long.toString(value));
        }

        Builder put(final String key, final double value) {
            return put(key, Fmt.num(value));
        }

        Builder day(final String key, final long epochDay) {
            return put(key, Days.iso(epochDay));
        }

        Builder time(final String key, final long millis) {
            return put(key, Days.instant(millis));
        }

        Builder putAll(final Map<String, String> entries) {
            evidence.putAll(entries);
            return this;
        }

        Explanation summary(final String summary) {
            return new Explanation(evidence, summary);
        }
    }
}
