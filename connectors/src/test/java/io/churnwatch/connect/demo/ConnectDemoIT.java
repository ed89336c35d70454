package io.churnwatch.connect.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.connect.demo.ConnectDemo.Delivered;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.generate.GeneratorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Connect demo on real parts: everything churnwatch published arrives at the receiver and in the tables. */
@ExtendWith(EmbeddedStackExtension.class)
class ConnectDemoIT {

    @Test
    void shouldDeliverEveryAlertAndAccountAndPrintWhatArrivedWhenTheDemoRuns(final EmbeddedKafka kafka)
            throws Exception {
        final StringWriter printed = new StringWriter();
        final GeneratorOptions history = GeneratorOptions.defaults().withAccounts(80).withDays(63).withSeed(7L);

        final Delivered delivered = new ConnectDemo(kafka, history, new PrintWriter(printed, true)).run();

        System.out.print(printed);
        assertThat(delivered.alertVersions()).isPositive();
        assertThat(delivered.accepted()).isEqualTo(delivered.alertVersions());
        assertThat(delivered.requests()).isGreaterThanOrEqualTo(delivered.accepted());
        assertThat(delivered.alertRows()).isEqualTo(delivered.distinctAlerts());
        assertThat(delivered.healthRows()).isEqualTo(delivered.accounts()).isPositive();
        assertThat(printed.toString()).contains(String.format(Locale.ROOT, "%d of %d alert versions accepted",
                delivered.accepted(), delivered.alertVersions()))
                .contains("Sink lag     0 records not delivered")
                .contains("Most at-risk accounts").contains("One POST the CRM received");
    }
}
