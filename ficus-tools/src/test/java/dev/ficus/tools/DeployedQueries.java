package dev.ficus.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ficus.check.CheckMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The PromQL that deploy/ ships, by where it is used: the Grafana dashboard's panels and the alert rules. */
final class DeployedQueries {
    static final Path DEPLOY = Path.of(System.getProperty("basedir", ".")).resolve("../deploy").normalize();

    /**
     * What {@code ficus check --every} exports, which {@code ficus dev} does not start: the consistency check's
     * alert and panels query these. ficus-check's {@code PeriodicCheckIT} scrapes every one of them from the running
     * loop, so the dashboard and rule tests may count them as exported.
     */
    static final Set<String> EXPORTED_BY_CHECK_EVERY = Set.copyOf(CheckMetrics.EXPORTED);

    private DeployedQueries() {
    }

    /** Panel title to the metric names its queries select. */
    static Map<String, Set<String>> dashboard() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/ficus-phase1.json").toFile());
        Map<String, Set<String>> out = new TreeMap<>();
        collect(dashboard.path("panels"), out);
        return out;
    }

    /** Alert name to the metric names its expression selects. */
    static Map<String, Set<String>> rules() throws IOException {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("prometheus/ficus-rules.yml").toFile());
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode group : file.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                out.put(rule.path("alert").asText(rule.path("record").asText()),
                        PromQlMetricNames.of(rule.path("expr").asText()));
            }
        }
        return out;
    }

    private static void collect(JsonNode panels, Map<String, Set<String>> out) {
        for (JsonNode panel : panels) {
            collect(panel.path("panels"), out);
            for (JsonNode target : panel.path("targets")) {
                out.computeIfAbsent(panel.path("title").asText(), t -> new java.util.TreeSet<>())
                        .addAll(PromQlMetricNames.of(target.path("expr").asText()));
            }
        }
    }
}
