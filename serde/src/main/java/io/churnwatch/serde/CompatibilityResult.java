package io.churnwatch.serde;

import java.util.List;

/**
 * The registry's verdict on a schema against a subject's latest version.
 *
 * @param compatible whether the subject's compatibility rule accepts the schema
 * @param messages the registry's explanations when it gives any (Confluent's {@code messages}, Apicurio's
 *                 {@code reason}), empty otherwise
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
