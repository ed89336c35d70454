package io.churnwatch.runtime;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The state of churnwatch's topics after a {@link TopicProvisioner#check()} or {@link TopicProvisioner#create()}.
 *
 * @param topics one status per topic, in the order of {@link TopicSpec#of}
 * @param error  why nothing could be created, when the existing input topics are not co-partitioned
 */
public record TopicReport(List<TopicStatus> topics, Optional<String> error) {

    public TopicReport {
        topics = List.copyOf(topics);
    }

    /**
     * One line per topic, {@code <name> <state> <partitions> <settings>}, then an indented line per problem.
     */
    public void print(final PrintWriter out) {
        final int width = topics.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (final TopicStatus topic : topics) {
            final String state = topic.state().name().toLowerCase(Locale.ROOT);
            out.println(topic.state() == TopicStatus.State.MISSING
                    ? String.format(Locale.ROOT, "%-" + width + "s  %-7s", topic.name(), state).stripTrailing()
                    : String.format(Locale.ROOT, "%-" + width + "s  %-7s  %3d partitions  %s", topic.name(), state,
                            topic.partitions(), settings(topic.configs())));
            topic.problems().forEach(problem -> out.println("  problem: " + problem));
        }
        out.flush();
    }

    /** The settings, without a {@code message.timestamp.before.max.ms} that accepts any age (the default). */
    private static String settings(final Map<String, String> configs) {
        return new TreeMap<>(configs).entrySet().stream()
                .filter(e -> !(e.getKey().equals(TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG)
                        && e.getValue().equals(Long.toString(Long.MAX_VALUE))))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** True when every topic exists, none has a problem, and the inputs are co-partitioned. */
    public boolean ok() {
        return error.isEmpty() && topics.stream().allMatch(t -> t.state() != TopicStatus.State.MISSING
                && t.problems().isEmpty());
    }
}
