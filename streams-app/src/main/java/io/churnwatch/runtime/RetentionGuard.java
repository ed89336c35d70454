package io.churnwatch.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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

    /**
     * The problem of a topic that holds records older than its retention: the broker deletes them at its next
     * retention check (an import of old history into it, say), as one line naming the fix; empty when it holds none.
     */
    public static Optional<String> expiring(final long records, final Map<String, String> configs) {
        if (records <= 0) {
            return Optional.empty();
        }
        final long retention = parse(configs.get(TopicConfig.RETENTION_MS_CONFIG));
        return Optional.of(String.format(Locale.ROOT, "holds %,d records older than retention.ms=%d (%s), which the "
                + "broker deletes at its next retention check: keep old history in topics created with %s, or "
                + "raise retention.ms on the topic", records, retention, days(retention), FIX));
    }

    /** The retention by which the broker deletes records of a topic with {@code configs}, if it deletes any. */
    public static OptionalLong deletingRetention(final Map<String, String> configs) {
        final long retention = parse(configs.get(TopicConfig.RETENTION_MS_CONFIG));
        return deletes(configs) && retention >= 0 ? OptionalLong.of(retention) : OptionalLong.empty();
    }

    /**
     * Records of one partition older than a cutoff: from its earliest offset to the first offset at or after the
     * cutoff ({@code atCutoff}; -1 when every record is older, then up to {@code latest}).
     */
    static long olderThan(final long earliest, final long atCutoff, final long latest) {
        return Math.max(0, (atCutoff < 0 ? latest : atCutoff) - earliest);
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
