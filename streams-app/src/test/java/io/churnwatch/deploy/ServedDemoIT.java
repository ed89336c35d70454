package io.churnwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code demo --serve} from the shaded jar as a user runs it, stopped as Ctrl-C stops it. */
class ServedDemoIT {

    @Test
    void shouldStopAndDeleteItsStateWhenTheServedDemoGetsSigterm() throws Exception {
        try (ServedDemo demo = ServedDemo.start(Path.of(System.getProperty("churnwatch.jar")), Duration.ofMinutes(5),
                "--accounts", "60", "--days", "63", "--set", "http.port=0")) {
            final Path state = demo.workingDir().resolve(".churnwatch");
            assertThat(state).isNotEmptyDirectory();

            assertThat(demo.stop()).as("exited by itself after SIGTERM").isTrue();

            try (Stream<Path> left = Files.list(state)) {
                assertThat(left).as("state directories left in %s", state).isEmpty();
            }
        }
    }
}
