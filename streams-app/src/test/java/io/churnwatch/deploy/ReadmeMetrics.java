package io.churnwatch.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the README documents: every {@code `churnwatch_...`} in its "Operating churnwatch" section,
 * as Prometheus names ({@code churnwatch_events_processed_total}; a timer or histogram by its base name, e.g.
 * {@code churnwatch_sweep_duration_seconds}, whose series add {@code _count}, {@code _sum}, ...).
 */
public final class ReadmeMetrics {

    static final String SECTION = "## Operating churnwatch";
    private static final Pattern NAME = Pattern.compile("`(churnwatch_[a-z_]+)");

    private ReadmeMetrics() {
    }

    /** The documented names; empty when the section is missing. */
    public static Set<String> names() {
        final String readme;
        try {
            readme = Files.readString(RepositoryFiles.root().resolve("README.md"));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final Set<String> names = new TreeSet<>();
        final int start = readme.indexOf(SECTION);
        if (start < 0) {
            return names;
        }
        final int end = readme.indexOf("\n## ", start + 1);
        final Matcher m = NAME.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Whether a series name is a documented metric or one of its series ({@code _count}, {@code _bucket}...). */
    public static boolean covers(final Set<String> documented, final String series) {
        return documented.stream().anyMatch(name -> series.equals(name) || series.startsWith(name + "_"));
    }
}
