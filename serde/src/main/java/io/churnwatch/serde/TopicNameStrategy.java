package io.churnwatch.serde;

import java.util.Objects;

/**
 * Confluent's default subject naming: the schema of a topic's values lives under {@code <topic>-value}, the
 * schema of its keys under {@code <topic>-key}.
 */
public final class TopicNameStrategy {

    private TopicNameStrategy() {
    }

    public static String subject(final String topic, final boolean isKey) {
        Objects.requireNonNull(topic, "topic");
        return topic + (isKey ? "-key" : "-value");
    }
}
