package io.churnwatch.cli;

import io.churnwatch.embedded.DevStack;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch dev-stack}: starts the embedded KRaft broker and schema registry on 127.0.0.1, prints
 * their addresses, and keeps them up until Ctrl-C (SIGINT/SIGTERM), when both are stopped cleanly.
 */
@Command(name = "dev-stack",
        description = "Start an embedded Kafka broker (KRaft) and schema registry on 127.0.0.1 until Ctrl-C.")
final class DevStackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final long started = System.nanoTime();
        final DevStack stack = DevStack.start();
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "dev-stack-shutdown"));
        out.printf("churnwatch dev stack is up (%d ms):%n", (System.nanoTime() - started) / 1_000_000);
        out.printf("  bootstrap.servers=%s%n", stack.bootstrapServers());
        out.printf("  schema.registry.url=%s%n", stack.registryUrl());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
