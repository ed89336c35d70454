package io.churnwatch.generate;

import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.TicketPriority;
import io.churnwatch.events.TicketStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Plans the support tickets of one account for the whole history and queues every step of their lifecycles.
 *
 * <p>Everyday tickets open on local working days (rarely at weekends) from sign-up while the account is
 * active. A ticket is OPENED, gets up to two UPDATEs, is RESOLVED after a delay that shrinks with its priority,
 * is REOPENED in 10% of cases (then updated and resolved again) and is CLOSED a few days later in 85% of cases.
 * A ticket-spike account gets a burst of urgent tickets within five days; a churner may open a
 * CANCELLATION_INTENT ticket.
 */
final class TicketScheduler {

    private static final double WEEKEND_FACTOR = 0.15;
    private static final Duration BURST_SPAN = Duration.ofDays(5);

    private final GeneratorOptions options;

    TicketScheduler(final GeneratorOptions options) {
        this.options = options;
    }

    void schedule(final AccountPlan account, final RandomGenerator rng, final EventQueue queue) {
        final Lifecycle lifecycle = new Lifecycle(account, rng, queue);
        final LocalDate firstDay = LocalDate.ofInstant(options.start(), ZoneOffset.UTC);
        for (int day = 0; day < options.days(); day++) {
            final LocalDate date = firstDay.plusDays(day);
            final double rate = account.ticketsPerWorkday() * (isWeekend(date) ? WEEKEND_FACTOR : 1.0);
            if (Draws.chance(rng, rate)) {
                final Instant opened = Draws.businessTime(date.atStartOfDay(account.zone()).toInstant(), rng);
                if (!opened.isBefore(account.profile().getSignedUpAt()) && account.behaviour().active(opened)) {
                    lifecycle.open(opened, Catalog.EVERYDAY_CATEGORIES.pick(rng),
                            Catalog.EVERYDAY_PRIORITIES.pick(rng));
                }
            }
        }
        final Behaviour behaviour = account.behaviour();
        if (behaviour.burstFrom() != null) {
            final Instant[] opened = new Instant[behaviour.burstTickets()];
            for (int i = 0; i < opened.length; i++) {
                opened[i] = behaviour.burstFrom().plus(Draws.duration(rng, Duration.ZERO, BURST_SPAN));
            }
            Arrays.sort(opened);
            for (final Instant at : opened) {
                lifecycle.open(at, Catalog.BURST_CATEGORIES.pick(rng), Catalog.BURST_PRIORITIES.pick(rng));
            }
        }
        if (behaviour.intentTicketAt() != null) {
            lifecycle.open(behaviour.intentTicketAt(), TicketCategory.CANCELLATION_INTENT, TicketPriority.HIGH);
        }
    }

    private static boolean isWeekend(final LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Writes the steps of one account's tickets into the queue, numbering tickets and events. */
    private static final class Lifecycle {
        private final AccountPlan account;
        private final RandomGenerator rng;
        private final EventQueue queue;
        private int tickets;
        private int events;

        Lifecycle(final AccountPlan account, final RandomGenerator rng, final EventQueue queue) {
            this.account = account;
            this.rng = rng;
            this.queue = queue;
        }

        void open(final Instant opened, final TicketCategory category, final TicketPriority priority) {
            tickets++;
            final String ticketId = account.accountId() + "-T" + tickets;
            final Step step = (at, status) -> {
                events++;
                queue.add(at, new SupportTicketEvent(account.accountId() + ":t:" + events, account.accountId(),
                        ticketId, status, priority, category, at));
            };
            step.emit(opened, TicketStatus.OPENED);
            Instant resolved = work(opened, priority, step);
            if (Draws.chance(rng, 0.10)) {
                final Instant reopened = resolved.plus(Draws.duration(rng, Duration.ofHours(12), Duration.ofDays(3)));
                step.emit(reopened, TicketStatus.REOPENED);
                resolved = work(reopened, priority, step);
            }
            if (Draws.chance(rng, 0.85)) {
                step.emit(resolved.plus(Draws.duration(rng, Duration.ofDays(2), Duration.ofDays(6))),
                        TicketStatus.CLOSED);
            }
        }

        /** Emits the updates and the resolution of a ticket (re)opened at {@code from}; returns the resolution. */
        private Instant work(final Instant from, final TicketPriority priority, final Step step) {
            final Duration toResolve = Draws.duration(rng, resolutionFloor(priority), resolutionFloor(priority)
                    .multipliedBy(6));
            final int updates = Draws.between(rng, 0, 2);
            for (int i = 1; i <= updates; i++) {
                step.emit(from.plus(toResolve.multipliedBy(i).dividedBy(updates + 1)), TicketStatus.UPDATED);
            }
            final Instant resolved = from.plus(toResolve);
            step.emit(resolved, TicketStatus.RESOLVED);
            return resolved;
        }

        private static Duration resolutionFloor(final TicketPriority priority) {
            return switch (priority) {
                case URGENT -> Duration.ofHours(2);
                case HIGH -> Duration.ofHours(6);
                case NORMAL -> Duration.ofHours(16);
                case LOW -> Duration.ofHours(30);
            };
        }
    }

    /** One step of a ticket's lifecycle. */
    @FunctionalInterface
    private interface Step {
        void emit(Instant at, TicketStatus status);
    }
}
