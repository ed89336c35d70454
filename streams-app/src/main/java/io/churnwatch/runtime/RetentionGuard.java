package io.churnwatch.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Whether a topic keeps records as old as those about to be imported into it. The broker deletes a record by
 * its timestamp once it is older than the topic's {@code retention.ms} (topics that delete, not those that only
 * compact), a few minutes after the import, and refuses one older than {@code message.timestamp.before.max.ms}
 * outright. A backfill of old history is exactly when that happens, so the importer asks before it sends: an
 * import that the broker would delete must not look like it succeeded.
 */
public final class RetentionGuard {

    /** The setting that makes churnwatch's input topics keep records forever. */
    public static final String FIX = "--set topics.input.retention.ms=-1";

    private RetentionGuard() {
    }

    /**
     * Why records from {@code oldest} on would not stay in {@code topic} with {@code configs} at {@code now}, as
     * one line naming the fix; empty when they would.
     */
    public static Optional<String> refusal(final String what, final String topic, final Map<String, String> configs,
                                           final Instant oldest, final Instant now) {
        final long age = Duration.between(oldest, now).toMillis();
        final long beforeMax = parse(configs.get(TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG));
        if (beforeMax >= 0 && age > beforeMax) {
            return Optional.of(String.format(Locale.ROOT, "%s holds records from %s, older than topic %s accepts "
                            + "(message.timestamp.before.max.ms=%d, %s): the broker would refuse them; raise it "
                            + "on the topic, or pass --allow-expiring to import the rest", what, oldest, topic,
                    beforeMax, days(beforeMax)));
        }
        final long retention = parse(configs.get(TopicConfig.RETENTION_MS_CONFIG));
        if (deletes(configs) && retention >= 0 && age > retention) {
            return Optional.of(String.format(Locale.ROOT, "%s holds records from %s, older than topic %s keeps (retention.ms=%d, "
                            + "%s): the broker would delete them right after the import; recreate the topics with "
                            + "%s (churnwatch topics create %s), raise retention.ms on the topic, or pass "
                            + "--allow-expiring", what, oldest, topic, retention, days(retention), FIX, FIX));
        }
        return Optional.empty();
    }

    private static boolean deletes(final Map<String, String> configs) {
        final String policy = configs.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE);
        return Arrays.stream(policy.split(",")).map(String::strip)
                .anyMatch(TopicConfig.CLEANUP_POLICY_DELETE::equals);
    }

    /** A millisecond setting; absent or unparsable counts as unlimited (-1). */
    private static long parse(final String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (final NumberFormatException e) {
            return -1;
        }
    }

    private static String days(final long millis) {
        return Duration.ofMillis(millis).toDays() + " days";
    }
}
