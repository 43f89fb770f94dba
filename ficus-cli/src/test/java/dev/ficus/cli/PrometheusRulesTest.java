package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ficus.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules: the plain rules file is valid, its unit tests ({@code ficus-rules-test.yml}) pass under
 * {@code promtool test rules}, and the PrometheusRule in deploy/k8s carries exactly the same groups.
 */
class PrometheusRulesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DEPLOY = Path.of(System.getProperty("basedir", ".")).resolve("../deploy").normalize();
    private static final Path RULES = DEPLOY.resolve("prometheus/ficus-rules.yml");

    @Test
    void thePrometheusRuleManifestCarriesTheRulesFileGroups() throws Exception {
        JsonNode plain = YAML.readTree(RULES.toFile());
        JsonNode manifest = YAML.readTree(DEPLOY.resolve("k8s/prometheus-rule.yaml").toFile());
        assertThat(manifest.at("/kind").asText()).isEqualTo("PrometheusRule");
        assertThat(plain.get("groups").size()).isPositive();
        assertThat(manifest.at("/spec/groups")).as("deploy/k8s/prometheus-rule.yaml spec.groups against "
                + "deploy/prometheus/ficus-rules.yml groups").isEqualTo(plain.get("groups"));
    }

    /** An alert or a panel that sends a person to a runbook must name one that exists. */
    @Test
    void theRulesAndTheDashboardNameRunbooksThatExist() throws Exception {
        Path docs = DEPLOY.resolveSibling("docs");
        Pattern named = Pattern.compile("docs/([\\w.-]+\\.md)");
        for (Path file : List.of(RULES, DEPLOY.resolve("grafana/ficus-phase1.json"))) {
            Matcher m = named.matcher(Files.readString(file));
            int found = 0;
            while (m.find()) {
                found++;
                assertThat(docs.resolve(m.group(1))).as(file.getFileName() + " names " + m.group()).isRegularFile();
            }
            assertThat(found).as(file + " names runbooks").isPositive();
        }
    }

    @Test
    void promtoolChecksTheRulesAndTheirUnitTestsPass() throws Exception {
        ExternalTool promtool = ExternalTool.find("promtool", "apt-get install --no-install-recommends prometheus");
        assumeTrue(promtool.present(), promtool.missing());
        Path dir = RULES.getParent();
        ExternalTool.Result check = promtool.run(dir, Duration.ofMinutes(1), "check", "rules", "ficus-rules.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        ExternalTool.Result test = promtool.run(dir, Duration.ofMinutes(2), "test", "rules", "ficus-rules-test.yml");
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }
}
