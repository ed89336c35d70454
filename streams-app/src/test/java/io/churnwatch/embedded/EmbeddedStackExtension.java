package io.churnwatch.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the embedded stack shared by every test class of the JVM run: one {@link EmbeddedKafka} broker and,
 * for the classes that ask for it, one {@link EmbeddedRegistry}.
 *
 * <p>Annotate a class with {@code @ExtendWith(EmbeddedStackExtension.class)} and declare an {@code EmbeddedKafka}
 * or {@code EmbeddedRegistry} parameter on a constructor, a lifecycle method or a test method. Each starts on
 * first use and stops when the run ends (they live in the root context's store, which closes them). Because
 * classes share them, each test uses topic names, consumer groups and so registry subjects of its own, and none
 * stops them or changes the registry's global settings; a test about the registry itself (an outage, a proxy in
 * front of it) starts one of its own.
 */
public final class EmbeddedStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedStackExtension.class);

    /** The run's broker, started on the first call. */
    public static EmbeddedKafka broker(final ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> EmbeddedKafka.start(), EmbeddedKafka.class);
    }

    /** The run's schema registry, started on the first call. */
    public static EmbeddedRegistry registry(final ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("registry", key -> EmbeddedRegistry.start(), EmbeddedRegistry.class);
    }

    /** Starts the broker before the class's tests, so its start-up is not counted against a test's timeout. */
    @Override
    public void beforeAll(final ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameterContext,
                                     final ExtensionContext extensionContext) {
        final Class<?> type = parameterContext.getParameter().getType();
        return type == EmbeddedKafka.class || type == EmbeddedRegistry.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameterContext,
                                   final ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedRegistry.class ? registry(extensionContext)
                : broker(extensionContext);
    }
}
