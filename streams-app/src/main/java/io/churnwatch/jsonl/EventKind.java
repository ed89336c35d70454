package io.churnwatch.jsonl;

import io.churnwatch.config.ChurnConfig;
import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The four input feeds of churnwatch: each with its default topic name, the configuration key that renames the
 * topic, the file name used in a JSONL data set directory, and its {@link JsonlCodec}. Lets an importer pick the
 * codec from a topic or file name.
 */
public enum EventKind {
    USAGE("product-usage", ChurnConfig.TOPIC_USAGE, "usage.jsonl.gz", JsonlCodec.usage()),
    TICKETS("support-tickets", ChurnConfig.TOPIC_TICKETS, "tickets.jsonl.gz", JsonlCodec.tickets()),
    BILLING("billing", ChurnConfig.TOPIC_BILLING, "billing.jsonl.gz", JsonlCodec.billing()),
    ACCOUNTS("accounts", ChurnConfig.TOPIC_ACCOUNTS, "accounts.jsonl.gz", JsonlCodec.accounts());

    private final String defaultTopic;
    private final String configKey;
    private final String fileName;
    private final JsonlCodec<? extends SpecificRecord> codec;

    EventKind(final String defaultTopic, final String configKey, final String fileName,
              final JsonlCodec<? extends SpecificRecord> codec) {
        this.defaultTopic = defaultTopic;
        this.configKey = configKey;
        this.fileName = fileName;
        this.codec = codec;
    }

    /** Topic name when {@link #configKey()} is not set. */
    public String defaultTopic() {
        return defaultTopic;
    }

    /** The {@link ChurnConfig} key naming this feed's topic. */
    public String configKey() {
        return configKey;
    }

    /** File name of this feed in a JSONL data set directory, e.g. {@code usage.jsonl.gz}. */
    public String fileName() {
        return fileName;
    }

    public JsonlCodec<? extends SpecificRecord> codec() {
        return codec;
    }

    /** The feed whose default topic is {@code topic}. */
    public static Optional<EventKind> forTopic(final String topic) {
        return Arrays.stream(values()).filter(k -> k.defaultTopic.equals(topic)).findFirst();
    }

    /** The feed whose topic is {@code topic} under {@code config}, which may rename topics. */
    public static Optional<EventKind> forTopic(final String topic, final ChurnConfig config) {
        return Arrays.stream(values()).filter(k -> config.getString(k.configKey).equals(topic)).findFirst();
    }
}
