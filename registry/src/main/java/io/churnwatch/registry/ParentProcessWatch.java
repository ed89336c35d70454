package io.churnwatch.registry;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import java.util.Optional;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops the registry when the process that started it ends.
 *
 * <p>When the system property {@code churnwatch.parent-pid} names a process (EmbeddedRegistry passes its own pid),
 * the registry exits as soon as that process is gone, however it ended: a shutdown hook in the parent covers a
 * normal exit or SIGTERM, this covers SIGKILL and crashes, so a killed test run or dev stack never leaves an
 * orphaned registry holding a port. Without the property the registry runs until it is stopped.
 */
@ApplicationScoped
public class ParentProcessWatch {

    @ConfigProperty(name = "churnwatch.parent-pid")
    Optional<Long> parentPid;

    void watchParent(@Observes final StartupEvent event) {
        parentPid.ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(Quarkus::asyncExit),
                Quarkus::asyncExit));
    }
}
