package io.churnwatch.cli;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.DevStack;
import io.churnwatch.embedded.ScramLogin;
import io.churnwatch.runtime.AclAdmin;
import io.churnwatch.runtime.RequiredAcls;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch dev-stack}: starts the embedded KRaft broker and schema registry on 127.0.0.1, prints
 * their addresses, and keeps them up until Ctrl-C (SIGINT/SIGTERM), when both are stopped cleanly.
 *
 * <p>With {@code --secure} the broker runs as a shared production cluster does: SASL_PLAINTEXT with SCRAM-SHA-512
 * and the StandardAuthorizer. It gets a super user {@code admin} and a user {@code churnwatch} granted what
 * {@code churnwatch acls} lists for the default configuration (and CREATE on its topics, so that {@code run} can
 * create them), each with a new random password, printed once with the client settings to use.
 */
@Command(name = "dev-stack",
        description = "Start an embedded Kafka broker (KRaft) and schema registry on 127.0.0.1 until Ctrl-C.")
final class DevStackCommand implements Callable<Integer> {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 24;

    @Option(names = "--secure",
            description = "SASL_PLAINTEXT with SCRAM-SHA-512 and ACLs; prints the users and passwords it creates.")
    private boolean secure;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final long started = System.nanoTime();
        final ScramLogin admin = secure ? new ScramLogin("admin", password()) : null;
        final DevStack stack = DevStack.start(admin);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "dev-stack-shutdown"));
        final ScramLogin app = secure ? grantedUser(stack) : null;
        out.printf("churnwatch dev stack is up (%d ms)%s:%n", (System.nanoTime() - started) / 1_000_000,
                secure ? ", secure (SASL_PLAINTEXT, SCRAM-SHA-512, ACLs)" : "");
        out.printf("  bootstrap.servers=%s%n", stack.bootstrapServers());
        out.printf("  schema.registry.url=%s%n", stack.registryUrl());
        if (secure) {
            out.printf("Users (passwords shown once):%n  %s / %s   super user%n  %s / %s   the ACLs of 'churnwatch "
                    + "acls', and CREATE on its topics%n", admin.user(), admin.password(), app.user(), app.password());
            out.printf("Client settings for churnwatch (a --config file, or each as --set key=value):%n");
            app.clientProperties().forEach((key, value) -> out.printf("  %s=%s%n", key, value));
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The user {@code churnwatch}, granted what the default configuration needs. */
    private static ScramLogin grantedUser(final DevStack stack) {
        final ScramLogin app = new ScramLogin("churnwatch", password());
        final ChurnConfig defaults = new ChurnConfig(Map.of());
        try (AclAdmin acls = new AclAdmin(stack.kafka().adminProperties())) {
            acls.upsertUser(app);
            acls.grant(RequiredAcls.of(defaults, "User:" + app.user()));
            acls.grant(RequiredAcls.topicCreation(defaults, "User:" + app.user()));
        }
        return app;
    }

    private static String password() {
        final SecureRandom random = new SecureRandom();
        final StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
