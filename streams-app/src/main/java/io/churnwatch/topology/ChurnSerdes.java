package io.churnwatch.topology;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.serde.AvroSerde;
import io.churnwatch.serde.SchemaRegistryClient;
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

    /** Serdes writing the Confluent wire format, registering and resolving schemas through {@code registry}. */
    public static ChurnSerdes on(final SchemaRegistryClient registry) {
        return new ChurnSerdes(
                AvroSerde.of(UsageEvent.class, registry, false),
                AvroSerde.of(SupportTicketEvent.class, registry, false),
                AvroSerde.of(BillingEvent.class, registry, false),
                AvroSerde.of(AccountProfile.class, registry, false),
                AvroSerde.of(HealthScoreUpdate.class, registry, false),
                AvroSerde.of(ChurnRiskAlert.class, registry, false));
    }

    public ChurnSerdes {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(alerts, "alerts");
    }
}
