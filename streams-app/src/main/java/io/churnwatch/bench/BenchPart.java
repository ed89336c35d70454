package io.churnwatch.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of {@code churnwatch bench}: the four throughput phases, the replay, the latency run and the sweep
 * measurement. A run measures all of them by default; a subset is for looking at one cost (a profile of phase D
 * alone, say), and the ratios between phases are printed only when both ran.
 */
public enum BenchPart {
    A, B, C, D, REPLAY, LATENCY, SWEEP;

    /** Every part, the default. */
    public static Set<BenchPart> all() {
        return EnumSet.allOf(BenchPart.class);
    }

    /**
     * The parts named, in any case ({@code D,replay}).
     *
     * @throws IllegalArgumentException naming the unknown part and the known ones
     */
    public static Set<BenchPart> parse(final List<String> names) {
        final Set<BenchPart> parts = EnumSet.noneOf(BenchPart.class);
        for (final String name : names) {
            try {
                parts.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException("--parts: unknown part '" + name + "'; the parts are "
                        + Arrays.stream(values()).map(BenchPart::toString).collect(Collectors.joining(",")), e);
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--parts must name at least one part");
        }
        return parts;
    }

    @Override
    public String toString() {
        return name().length() == 1 ? name() : name().toLowerCase(Locale.ROOT);
    }
}
