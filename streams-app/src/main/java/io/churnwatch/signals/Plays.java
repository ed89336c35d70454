package io.churnwatch.signals;

import io.churnwatch.events.Segment;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The recommended action ("play") written on an alert, by the account's segment: HIGH_TOUCH gets a task for its
 * CSM, LOW_TOUCH a lighter CSM check-in email, TECH_TOUCH an automated campaign chosen per signal. Records that
 * close an episode (RESOLVED, CLOSED_CHURNED) carry a "no action" play.
 */
public final class Plays {

    private static final Map<ChurnSignal, String> CAMPAIGNS = new EnumMap<>(ChurnSignal.class);

    static {
        CAMPAIGNS.put(ChurnSignal.LOGIN_DECLINE, "re-engagement email sequence");
        CAMPAIGNS.put(ChurnSignal.TICKET_SPIKE, "proactive support follow-up survey");
        CAMPAIGNS.put(ChurnSignal.CANCELLATION_INTENT, "retention offer email");
        CAMPAIGNS.put(ChurnSignal.SILENCE, "win-back email sequence");
        CAMPAIGNS.put(ChurnSignal.PAYMENT_FAILED, "payment method update reminders");
        CAMPAIGNS.put(ChurnSignal.DOWNGRADE, "value recap email");
        CAMPAIGNS.put(ChurnSignal.CANCELLATION_REQUESTED, "retention offer email");
        CAMPAIGNS.put(ChurnSignal.HEALTH_DROP, "product tips email sequence");
        CAMPAIGNS.put(ChurnSignal.COHORT_LAG, "win-back email sequence");
    }

    private Plays() {
    }

    public static String of(final Segment segment, final String ownerId, final ChurnSignal signal,
                            final AlertStatus status) {
        if (status == AlertStatus.RESOLVED) {
            return "no action: signal cleared";
        }
        if (status == AlertStatus.CLOSED_CHURNED) {
            return "no action: account cancelled";
        }
        final String about = signal.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        final String owner = ownerId == null ? "unassigned" : ownerId;
        return switch (segment) {
            case HIGH_TOUCH -> "CSM task for " + owner + ": call within 2 business days about " + about;
            case TECH_TOUCH -> "automated: " + CAMPAIGNS.getOrDefault(signal, "customer health check-in email");
            default -> "CSM check-in email from " + owner + " about " + about;
        };
    }
}
