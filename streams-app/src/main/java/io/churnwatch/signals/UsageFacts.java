package io.churnwatch.signals;

import java.io.IOException;
import java.util.Objects;

/**
 * What an account's product usage left behind: the last usage time, daily login counts, and the last day each
 * of a bounded set of features was used (with the largest number of distinct features ever seen in one breadth
 * window, the account's own yardstick for breadth).
 *
 * <p>The feature set holds at most {@code features.max.tracked} names of at most {@value #MAX_FEATURE_CHARS}
 * characters; when full, the least recently used feature (ties: the smallest name) makes room. Features are
 * encoded in name order with their last day as days before the login ring's head day (format version 2; version 1
 * wrote the epoch day).
 */
final class UsageFacts {

    static final int MAX_FEATURE_CHARS = 128;

    private long lastUsageAt;
    private DailyCounts logins;
    private final FeatureDays featureLastDay;
    private int maxBreadth;

    private UsageFacts(final long lastUsageAt, final DailyCounts logins, final FeatureDays features,
                       final int maxBreadth) {
        this.lastUsageAt = lastUsageAt;
        this.logins = logins;
        this.featureLastDay = features;
        this.maxBreadth = maxBreadth;
    }

    static UsageFacts empty(final int loginDays, final long day) {
        return new UsageFacts(Days.NONE, new DailyCounts(loginDays, day), new FeatureDays(8), 0);
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
        featureLastDay.used(name, day, cap);
    }

    /** Distinct features used on or after {@code fromDay}; also raises the account's breadth yardstick. */
    int distinctFeaturesSince(final long fromDay) {
        final int distinct = featureLastDay.countSince(fromDay);
        maxBreadth = Math.max(maxBreadth, distinct);
        return distinct;
    }

    boolean anyFeatureSince(final long fromDay) {
        return featureLastDay.anySince(fromDay);
    }

    void write(final StateWriter out) {
        Days.writeTime(out, lastUsageAt);
        logins.write(out);
        out.writeInt(maxBreadth);
        out.writeInt(featureLastDay.size());
        for (int i = 0; i < featureLastDay.size(); i++) {
            out.writeString(featureLastDay.name(i));
            out.writeLong(logins.headDay() - featureLastDay.day(i));
        }
    }

    static UsageFacts read(final StateReader in) throws IOException {
        final long lastUsageAt = Days.readTime(in);
        final DailyCounts logins = DailyCounts.read(in);
        final int maxBreadth = in.readInt();
        final int n = in.readInt();
        if (n < 0 || n > 1024) {
            throw new IOException("feature count out of range: " + n);
        }
        final FeatureDays features = new FeatureDays(n);
        for (int i = 0; i < n; i++) {
            final String name = in.readString();
            final long stored = in.readLong();
            features.append(name, in.version() == 1 ? stored : logins.headDay() - stored);
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
