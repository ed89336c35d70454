-- A billing database as churnwatch's CDC path expects it by default (every table, column and status name can be
-- changed in the BillingEventTransform's configuration). REPLICA IDENTITY FULL makes PostgreSQL log each updated
-- row's previous values, which Debezium passes on as "before": without them an update cannot tell a downgrade
-- from a renewal, and the transform dead-letters it.
CREATE TABLE IF NOT EXISTS subscriptions (
    id                   text PRIMARY KEY,
    account_id           text NOT NULL,
    plan                 text,
    mrr_cents            bigint NOT NULL,
    currency             char(3) NOT NULL DEFAULT 'USD',
    status               text NOT NULL,            -- trialing, active, past_due, canceled
    cancel_at_period_end boolean NOT NULL DEFAULT false,
    current_period_end   timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE subscriptions REPLICA IDENTITY FULL;

CREATE TABLE IF NOT EXISTS invoices (
    id              text PRIMARY KEY,
    account_id      text,
    subscription_id text REFERENCES subscriptions (id),
    amount_cents    bigint NOT NULL,
    currency        char(3) NOT NULL DEFAULT 'USD',
    status          text NOT NULL,                 -- draft, open, paid, failed, void, uncollectible
    attempt_count   integer NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE invoices REPLICA IDENTITY FULL;
