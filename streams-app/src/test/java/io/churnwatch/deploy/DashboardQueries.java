package io.churnwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every PromQL expression of a Grafana dashboard, as Prometheus would be asked it: each panel target's
 * {@code expr}, and the metric selector of each {@code label_values(selector, label)} variable query, with Grafana's
 * variables replaced ({@code $__rate_interval} by a range that covers four scrapes, a dashboard variable by its
 * "All" value).
 */
record DashboardQueries(List<Query> queries) {

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)");

    /** One expression and where it comes from ("panel 'Heap used'", "variable app"). */
    record Query(String source, String promql) {
    }

    static DashboardQueries of(final Path dashboard, final String rateInterval) throws IOException {
        final JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
        final List<Query> queries = new ArrayList<>();
        final List<String[]> variables = new ArrayList<>();
        for (final JsonNode variable : root.path("templating").path("list")) {
            variables.add(new String[] {variable.path("name").asText(), variable.path("allValue").asText(".*")});
            final Matcher m = LABEL_VALUES.matcher(variable.path("query").path("query").asText());
            if (m.matches()) {
                queries.add(new Query("variable " + variable.path("name").asText(), m.group(1)));
            }
        }
        for (final JsonNode panel : root.path("panels")) {
            for (final JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText().replace("$__rate_interval", rateInterval);
                for (final String[] variable : variables) {
                    expr = expr.replace("$" + variable[0], variable[1]);
                }
                queries.add(new Query("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                        expr));
            }
        }
        return new DashboardQueries(List.copyOf(queries));
    }
}
