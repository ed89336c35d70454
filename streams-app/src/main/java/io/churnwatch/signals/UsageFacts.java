package io.churnwatch.signals;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * What an account's product usage left behind: the last usage time, daily login counts, and the last day each
 * of a bounded set of features was used (with the largest number of distinct features ever seen in one breadth
 * window, the account's own yardstick for breadth).
 *
 * <p>The feature set holds at most {@code features.max.tracked} names of at most {@value #MAX_FEATURE_CHARS}
 * characters; when full, the least recently used feature (ties: the smallest name) makes room.
 */
final class UsageFacts {

    static final int MAX_FEATURE_CHARS = 128;

    private long lastUsageAt;
    private DailyCounts logins;
    private final TreeMap<String, Long> featureLastDay;
    private int maxBreadth;

    private UsageFacts(final long lastUsageAt, final DailyCounts logins, final TreeMap<String, Long> features,
                       final int maxBreadth) {
        this.lastUsageAt = lastUsageAt;
        this.logins = logins;
        this.featureLastDay = features;
        this.maxBreadth = maxBreadth;
    }

    static UsageFacts empty(final int loginDays, final long day) {
        return new UsageFacts(Days.NONE, new DailyCounts(loginDays, day), new TreeMap<>(), 0);
    }

    long lastUsageAt() {
        return lastUsageAt;
    }

    boolean hasUsage() {
        return lastUsageAt != Days.NONE;
    }

    DailyCounts logins() {
        return logins;
    }

    int maxBreadth() {
        return maxBreadth;
    }

    void fit(final int loginDays) {
        logins = logins.resized(loginDays);
    }

    void rollTo(final long day) {
        logins.rollTo(day);
    }

    void seenAt(final long millis) {
        lastUsageAt = Math.max(lastUsageAt, millis);
    }

    void countLogins(final long day, final int quantity) {
        logins.add(day, Math.max(0, quantity));
    }

    void featureUsed(final String feature, final long day, final int cap) {
        final String name = feature.length() > MAX_FEATURE_CHARS ? feature.substring(0, MAX_FEATURE_CHARS) : feature;
        final Long known = featureLastDay.get(name);
        if (known != null) {
            featureLastDay.put(name, Math.max(known, day));
            return;
        }
        while (featureLastDay.size() >= cap) {
            featureLastDay.remove(leastRecentFeature());
        }
        featureLastDay.put(name, day);
    }

    private String leastRecentFeature() {
        String oldest = null;
        long oldestDay = Long.MAX_VALUE;
        for (final Map.Entry<String, Long> e : featureLastDay.entrySet()) {
            if (e.getValue() < oldestDay) {
                oldest = e.getKey();
                oldestDay = e.getValue();
            }
        }
        return oldest;
    }

    /** Distinct features used on or after {@code fromDay}; also raises the account's breadth yardstick. */
    int distinctFeaturesSince(final long fromDay) {
        int distinct = 0;
        for (final long day : featureLastDay.values()) {
            if (day >= fromDay) {
                distinct++;
            }
        }
        maxBreadth = Math.max(maxBreadth, distinct);
        return distinct;
    }

    boolean anyFeatureSince(final long fromDay) {
        for (final long day : featureLastDay.values()) {
            if (day >= fromDay) {
                return true;
            }
        }
        return false;
    }

    void write(final Encoder out) throws IOException {
        Days.writeTime(out, lastUsageAt);
        logins.write(out);
        out.writeInt(maxBreadth);
        out.writeInt(featureLastDay.size());
        for (final Map.Entry<String, Long> e : featureLastDay.entrySet()) {
            out.writeString(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    static UsageFacts read(final Decoder in) throws IOException {
        final long lastUsageAt = Days.readTime(in);
        final DailyCounts logins = DailyCounts.read(in);
        final int maxBreadth = in.readInt();
        final int n = in.readInt();
        if (n < 0 || n > 1024) {
            throw new IOException("feature count out of range: " + n);
        }
        final TreeMap<String, Long> features = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            features.put(in.readString(), in.readLong());
        }
        return new UsageFacts(lastUsageAt, logins, features, maxBreadth);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof UsageFacts u && u.lastUsageAt == lastUsageAt && u.maxBreadth == maxBreadth
                && u.logins.equals(logins) && u.featureLastDay.equals(featureLastDay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lastUsageAt, logins, featureLastDay, maxBreadth);
    }
}
