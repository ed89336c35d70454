package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command-line errors of {@code bench}: refused before anything is started. */
class BenchCommandTest {

    @Test
    void shouldExitTwoWithOneLineWhenASizeIsOutOfRange() {
        final CliRun run = CliRun.run(Map.of(), "bench", "--quick", "--accounts", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("churnwatch: --accounts must be between 1 and --events");
    }

    @Test
    void shouldExitTwoWhenASweepSizeIsNotANumber() {
        final CliRun run = CliRun.run(Map.of(), "bench", "--sweep-accounts", "1000,many");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--sweep-accounts");
    }

    @Test
    void shouldRefuseAnExplicitSizeThatConflictsWithTheQuickProfileWhenParsing() {
        final CliRun run = CliRun.run(Map.of(), "bench", "--quick", "--latency-seconds", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("churnwatch: --warmup-seconds");
    }

    @Test
    void shouldExitTwoWithOneLineWhenAPartIsUnknown() {
        final CliRun run = CliRun.run(Map.of(), "bench", "--quick", "--parts", "D,X");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("churnwatch: --parts: unknown part 'X'");
    }
}
