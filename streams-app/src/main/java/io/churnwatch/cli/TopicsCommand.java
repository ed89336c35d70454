package io.churnwatch.cli;

import io.churnwatch.runtime.ClusterUnreachableException;
import io.churnwatch.runtime.TopicProvisioner;
import io.churnwatch.runtime.TopicReport;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch topics create|check|list}: the topics churnwatch reads and writes, on the configured cluster
 * (see {@link TopicProvisioner}: what is created, with which settings, and what is checked).
 *
 * <p>Each prints one line per topic, {@code <name> <state> <partitions> <settings>}, followed by an indented
 * {@code problem:} line for each way an existing topic differs from what churnwatch needs. {@code create} fails
 * only when it cannot create (e.g. input topics that are not co-partitioned), {@code check} whenever a topic is
 * missing or has a problem, {@code list} never.
 */
@Command(name = "topics",
        description = "Create churnwatch's topics where missing, or check or list them on the cluster.",
        synopsisSubcommandLabel = "(create | check | list)")
final class TopicsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    @Command(name = "create", description = "Create the missing topics; existing ones are checked, never changed.")
    int create(@Mixin final ConfigOptions config, @Mixin final ClusterTimeout timeout) {
        return run(config, timeout, TopicProvisioner::create, report -> report.error().isPresent() ? 1 : 0);
    }

    @Command(name = "check", description = "Check that every topic exists as churnwatch needs it; exit 1 if not.")
    int check(@Mixin final ConfigOptions config, @Mixin final ClusterTimeout timeout) {
        return run(config, timeout, TopicProvisioner::check, report -> report.ok() ? 0 : 1);
    }

    @Command(name = "list", description = "Show each topic's state, partitions and settings on the cluster.")
    int list(@Mixin final ConfigOptions config, @Mixin final ClusterTimeout timeout) {
        return run(config, timeout, TopicProvisioner::check, report -> 0);
    }

    private int run(final ConfigOptions config, final ClusterTimeout timeout,
                    final Function<TopicProvisioner, TopicReport> action,
                    final Function<TopicReport, Integer> exitCode) {
        final TopicReport report;
        try (TopicProvisioner provisioner = TopicProvisioner.create(config.load(), timeout.timeout())) {
            report = action.apply(provisioner);
        } catch (final ClusterUnreachableException | KafkaException e) {
            return Failures.report(spec, e.getMessage());
        }
        report.print(spec.commandLine().getOut());
        report.error().ifPresent(error -> Failures.report(spec, error));
        return exitCode.apply(report);
    }
}
