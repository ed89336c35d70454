package io.churnwatch.cli;

import java.util.List;
import java.util.Locale;

/**
 * Recognises configuration keys whose values must never be shown (passwords, secrets, credentials, JAAS and
 * registry user-info settings) and masks their values for display.
 */
public final class SecretKeys {

    public static final String MASK = "[hidden]";

    private static final List<String> MARKERS =
            List.of("password", "secret", "credentials", "user.info", "sasl.jaas");

    private SecretKeys() {
    }

    public static boolean isSecret(final String key) {
        final String lower = key.toLowerCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(lower::contains);
    }

    /** The value to display for {@code key}: {@link #MASK} for a secret key, the value itself otherwise. */
    public static String display(final String key, final String value) {
        return isSecret(key) ? MASK : value;
    }
}
