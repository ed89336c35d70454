package io.churnwatch.signals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic alert ids: a name-based UUID of {@code accountId|signal|openedAtMillis}. */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(final String accountId, final ChurnSignal signal, final long openedAtMillis) {
        final String name = accountId + "|" + signal.name() + "|" + openedAtMillis;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
