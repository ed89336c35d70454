package io.churnwatch.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one {@link EmbeddedKafka} broker shared by every test class of the JVM run.
 *
 * <p>Annotate a class with {@code @ExtendWith(EmbeddedKafkaExtension.class)} and declare an
 * {@code EmbeddedKafka} parameter on a constructor, a lifecycle method or a test method. The broker starts on
 * first use and stops when the run ends (it lives in the root context's store, which closes it). Because
 * classes share it, each test uses topic names and consumer groups of its own.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);

    /** The run's broker, started on the first call. */
    public static EmbeddedKafka broker(final ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> EmbeddedKafka.start(), EmbeddedKafka.class);
    }

    /** Starts the broker before the class's tests, so its start-up is not counted against a test's timeout. */
    @Override
    public void beforeAll(final ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameterContext,
                                     final ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameterContext,
                                   final ExtensionContext extensionContext) {
        return broker(extensionContext);
    }
}
