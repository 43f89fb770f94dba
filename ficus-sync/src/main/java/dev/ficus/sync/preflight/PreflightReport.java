package dev.ficus.sync.preflight;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * The rows of one preflight run, with the two renderings the CLI prints: a pass/fail table followed by the fix of
 * every failure, and JSON for machines. {@link #passed()} decides the exit status.
 */
public record PreflightReport(ServerFlavor flavor, String serverVersion, List<CheckResult> checks) {

    public PreflightReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().noneMatch(CheckResult::failed);
    }

    public List<CheckResult> failures() {
        return checks.stream().filter(CheckResult::failed).toList();
    }

    public CheckResult check(String name) {
        return checks.stream().filter(c -> c.check().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + name));
    }

    public String toTable() {
        int checkWidth = Math.max(5, checks.stream().mapToInt(c -> c.check().length()).max().orElse(5));
        StringBuilder sb = new StringBuilder();
        String format = "%-" + checkWidth + "s  %-6s  %s%n";
        sb.append(String.format(Locale.ROOT, format, "check", "status", "detail"));
        sb.append("-".repeat(checkWidth + 2 + 6 + 2 + 40)).append('\n');
        for (CheckResult c : checks) {
            sb.append(String.format(Locale.ROOT, format, c.check(), c.status(), c.detail()));
        }
        List<CheckResult> failures = failures();
        if (failures.isEmpty()) {
            sb.append("\nAll checks passed.\n");
        } else {
            sb.append("\n").append(failures.size()).append(failures.size() == 1 ? " check failed" : " checks failed")
                    .append(". Fixes:\n");
            for (CheckResult f : failures) {
                sb.append("  ").append(f.check()).append(": ").append(f.fix()).append('\n');
            }
        }
        return sb.toString();
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("passed", passed());
        if (flavor != null) {
            ObjectNode server = n.putObject("server");
            server.put("flavor", flavor.cliName());
            server.put("version", serverVersion);
        }
        ArrayNode list = n.putArray("checks");
        for (CheckResult c : checks) {
            ObjectNode row = list.addObject();
            row.put("check", c.check());
            row.put("status", c.status().name());
            row.put("detail", c.detail());
            if (c.fix() != null) {
                row.put("fix", c.fix());
            }
        }
        return n;
    }
}
