package io.churnwatch.cli;

import java.util.ArrayList;
import java.util.List;

/** Command-line arguments giving every churnwatch topic a test's own name, since tests share one broker. */
final class RenamedTopics {

    private static final List<String> TOPICS = List.of("usage", "tickets", "billing", "accounts", "health", "alerts",
            "dlq");

    private RenamedTopics() {
    }

    /** {@code args} followed by {@code --set topic.<t>=<prefix><t>} for every topic key. */
    static String[] with(final String prefix, final String... args) {
        final List<String> all = new ArrayList<>(List.of(args));
        for (final String topic : TOPICS) {
            all.addAll(List.of("--set", "topic." + topic + "=" + prefix + topic));
        }
        return all.toArray(String[]::new);
    }
}
