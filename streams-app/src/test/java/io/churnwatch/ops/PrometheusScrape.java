package io.churnwatch.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text exposition (format 0.0.4) read into samples: metric name, labels, value. Enough of the
 * format for assertions on a scrape; comments ({@code # HELP}, {@code # TYPE}) are skipped.
 */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusScrape(final List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusScrape parse(final String text) {
        return new PrometheusScrape(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(PrometheusScrape::sample).toList());
    }

    private static Sample sample(final String line) {
        final Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        final Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(2) != null) {
            final Matcher label = LABEL.matcher(m.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Every metric name with at least one sample. */
    public Set<String> names() {
        final Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The samples of {@code name} whose labels include all of {@code labels}. */
    public List<Sample> find(final String name, final Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The sum of the values of {@link #find}; empty when no sample matches. */
    public OptionalDouble sum(final String name, final Map<String, String> labels) {
        final List<Sample> found = find(name, labels);
        return found.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(found.stream().mapToDouble(Sample::value).sum());
    }
}
