package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code churnwatch demo}: its own embedded broker and registry, a small generated history, the summary. */
class DemoCommandIT {

    @Test
    void shouldPrintEverySectionOfTheSummaryWhenTheDemoFinishes() {
        final CliRun demo = CliRun.run(Map.of(), "demo", "--accounts", "60", "--days", "63", "--seed", "5");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out().lines())
                .anyMatch(line -> line.startsWith("Generated and imported ") && line.contains(" for 60 accounts over 63 days"))
                .contains("Alert episodes by signal and severity", "Health bands (latest score per account)",
                        "Most at-risk accounts")
                .anyMatch(line -> line.startsWith("Churners flagged before they asked to cancel: "))
                .anyMatch(line -> line.startsWith("Backtest of the alerts against the history's cancellations"))
                .anyMatch(line -> line.startsWith("| all signals "));
    }
}
