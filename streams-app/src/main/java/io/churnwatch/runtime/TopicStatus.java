package io.churnwatch.runtime;

import java.util.List;
import java.util.Map;

/**
 * What {@link TopicProvisioner} found, or did, for one topic.
 *
 * @param spec       the topic as churnwatch wants it
 * @param state      whether it existed, was created, or is missing
 * @param partitions its partition count (that of the spec for a created topic; 0 when missing)
 * @param configs    its {@code cleanup.policy} and {@code retention.ms} (as set on the cluster for an existing
 *                   topic, defaults included; as created for a new one; empty when missing)
 * @param problems   one line per way an existing topic differs from what churnwatch needs; it is left as it is
 */
public record TopicStatus(TopicSpec spec, State state, int partitions, Map<String, String> configs,
                          List<String> problems) {

    /** Whether the topic was there before, has just been created, or is absent. */
    public enum State { EXISTS, CREATED, MISSING }

    public TopicStatus {
        configs = Map.copyOf(configs);
        problems = List.copyOf(problems);
    }

    public String name() {
        return spec.name();
    }
}
