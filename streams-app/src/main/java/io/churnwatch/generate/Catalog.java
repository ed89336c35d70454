package io.churnwatch.generate;

import io.churnwatch.events.Segment;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.TicketPriority;
import java.util.List;

/** Fixed vocabularies of the generator: feature names, company names, regions, segment mix, ticket mixes. */
final class Catalog {

    /** Product features an account can adopt; usage events name one of them. */
    static final List<String> FEATURES = List.of("dashboard.view", "reports.create", "reports.export",
            "projects.create", "tasks.update", "comments.add", "search.query", "integrations.sync", "api.call",
            "users.invite", "automations.run", "settings.update");

    static final List<String> NAME_STEMS = List.of("Northwind", "Bluebird", "Acme", "Globex", "Initech", "Umbrella",
            "Vandelay", "Stark", "Wayne", "Hooli", "Pied Piper", "Soylent", "Tyrell", "Cyberdyne", "Oscorp",
            "Wonka", "Gringotts", "Aperture", "Black Mesa", "Monarch", "Sterling", "Dunder", "Prestige", "Oceanic",
            "Nakatomi", "Massive", "Virtucon", "Gekko", "Contoso", "Fabrikam");
    static final List<String> NAME_TRADES = List.of("Analytics", "Logistics", "Health", "Labs", "Foods", "Media",
            "Energy", "Robotics", "Finance", "Retail", "Travel", "Studios", "Systems", "Biotech", "Consulting");
    static final List<String> NAME_FORMS = List.of("GmbH", "Ltd", "Inc", "SAS", "BV", "AG", "LLC", "Pty");

    /** Time zone of an account and the currency it pays in. */
    record Region(String zone, String currency) {
    }

    static final Weighted<Region> REGIONS = new Weighted<Region>()
            .add(new Region("Europe/Berlin", "EUR"), 28)
            .add(new Region("Europe/Paris", "EUR"), 10)
            .add(new Region("Europe/London", "GBP"), 12)
            .add(new Region("America/New_York", "USD"), 20)
            .add(new Region("America/Chicago", "USD"), 8)
            .add(new Region("America/Los_Angeles", "USD"), 12)
            .add(new Region("Asia/Singapore", "USD"), 5)
            .add(new Region("Australia/Sydney", "AUD"), 5);

    static final Weighted<Segment> SEGMENTS = new Weighted<Segment>()
            .add(Segment.HIGH_TOUCH, 10)
            .add(Segment.LOW_TOUCH, 30)
            .add(Segment.TECH_TOUCH, 60);

    static final Weighted<TicketCategory> EVERYDAY_CATEGORIES = new Weighted<TicketCategory>()
            .add(TicketCategory.QUESTION, 40)
            .add(TicketCategory.BUG, 24)
            .add(TicketCategory.FEATURE_REQUEST, 17)
            .add(TicketCategory.BILLING, 8)
            .add(TicketCategory.DISCOUNT_REQUEST, 5)
            .add(TicketCategory.OTHER, 6);

    static final Weighted<TicketCategory> BURST_CATEGORIES = new Weighted<TicketCategory>()
            .add(TicketCategory.BUG, 55)
            .add(TicketCategory.QUESTION, 25)
            .add(TicketCategory.BILLING, 10)
            .add(TicketCategory.OTHER, 10);

    static final Weighted<TicketPriority> EVERYDAY_PRIORITIES = new Weighted<TicketPriority>()
            .add(TicketPriority.LOW, 25)
            .add(TicketPriority.NORMAL, 50)
            .add(TicketPriority.HIGH, 20)
            .add(TicketPriority.URGENT, 5);

    static final Weighted<TicketPriority> BURST_PRIORITIES = new Weighted<TicketPriority>()
            .add(TicketPriority.NORMAL, 25)
            .add(TicketPriority.HIGH, 50)
            .add(TicketPriority.URGENT, 25);

    private Catalog() {
    }
}
