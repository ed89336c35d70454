package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.runtime.AclListing;
import io.churnwatch.runtime.RequiredAcls;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch acls}: the ACLs {@code churnwatch run} needs for the effective configuration (its topics,
 * application id and watched groups), as {@code kafka-acls.sh} commands or, with {@code --markdown}, as the
 * README's table. It prints only; an operator applies them.
 */
@Command(name = "acls",
        description = "Print the ACLs 'churnwatch run' needs on a cluster with an authorizer, as kafka-acls.sh commands.")
final class AclsCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--principal", defaultValue = "User:churnwatch",
            description = "The principal churnwatch runs as (default: ${DEFAULT-VALUE}).")
    private String principal;

    @Option(names = "--markdown", description = "Print a Markdown table instead, as in the README.")
    private boolean markdown;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final ChurnConfig config = configOptions.load();
        final PrintWriter out = spec.commandLine().getOut();
        out.print(markdown ? AclListing.markdownTable(RequiredAcls.of(config, principal))
                : AclListing.commands(RequiredAcls.of(config, principal)));
        out.flush();
        return 0;
    }
}
