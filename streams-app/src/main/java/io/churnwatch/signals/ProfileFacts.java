package io.churnwatch.signals;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.Segment;
import java.time.Instant;
import java.util.Objects;

/**
 * What the signals read of an account's profile: its segment (silence period, play), its owner (the alert's
 * assignee) and its renewal date (its cohort). Small enough to keep in the account's stored state, so that an
 * event needs no profile lookup and decode of its own.
 *
 * @param segment never null: an account without a profile, or a profile without a segment, is LOW_TOUCH
 * @param ownerId the customer-success manager, or null
 * @param renewalAt the next renewal, or null
 */
public record ProfileFacts(Segment segment, String ownerId, Instant renewalAt) {

    /** An account whose profile is unknown (none received, or deleted): LOW_TOUCH, no owner, no renewal date. */
    public static final ProfileFacts NONE = new ProfileFacts(Segment.LOW_TOUCH, null, null);

    public ProfileFacts {
        Objects.requireNonNull(segment, "segment");
    }

    /** The facts of {@code profile}; {@link #NONE} for null. */
    public static ProfileFacts of(final AccountProfile profile) {
        if (profile == null) {
            return NONE;
        }
        return new ProfileFacts(profile.getSegment() == null ? Segment.LOW_TOUCH : profile.getSegment(),
                profile.getOwnerId(), profile.getRenewalAt());
    }
}
