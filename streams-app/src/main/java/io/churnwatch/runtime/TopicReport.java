package io.churnwatch.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The state of churnwatch's topics after a {@link TopicProvisioner#check()} or {@link TopicProvisioner#create()}.
 *
 * @param topics one status per topic, in the order of {@link TopicSpec#of}
 * @param error  why nothing could be created, when the existing input topics are not co-partitioned
 */
public record TopicReport(List<TopicStatus> topics, Optional<String> error) {

    public TopicReport {
        topics = List.copyOf(topics);
    }

    /** True when every topic exists, none has a problem, and the inputs are co-partitioned. */
    public boolean ok() {
        return error.isEmpty() && topics.stream().allMatch(t -> t.state() != TopicStatus.State.MISSING
                && t.problems().isEmpty());
    }
}
