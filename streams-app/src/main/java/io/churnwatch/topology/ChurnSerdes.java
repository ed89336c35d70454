package io.churnwatch.topology;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes of the event contract, one per record type. Production builds them on a schema
 * registry client; tests, the demo and the benchmark build the same topology on an in-memory registry.
 */
public record ChurnSerdes(
        Serde<UsageEvent> usage,
        Serde<SupportTicketEvent> tickets,
        Serde<BillingEvent> billing,
        Serde<AccountProfile> accounts,
        Serde<HealthScoreUpdate> health,
        Serde<ChurnRiskAlert> alerts) {

    public ChurnSerdes {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(alerts, "alerts");
    }
}
