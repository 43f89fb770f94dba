package dev.ficus.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import java.util.List;

/** The outcome of {@code ficus checklist}: the items in the plan's order, as a table for people or as JSON. */
record Checklist(List<ChecklistItem> items) {
    Checklist {
        items = List.copyOf(items);
    }

    /** True when no item that Ficus can check is ✗ (manual items never fail the checklist). */
    boolean passed() {
        return items.stream().noneMatch(i -> i.status() == ChecklistItem.Status.FAIL);
    }

    String toTable() {
        int width = "ITEM".length();
        for (ChecklistItem i : items) {
            width = Math.max(width, i.item().length());
        }
        String format = "%-" + width + "s  %-6s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(format, "ITEM", "", "DETAIL"));
        for (ChecklistItem i : items) {
            sb.append(String.format(format, i.item(), i.status().mark(), i.detail()));
            if (!i.fix().isEmpty()) {
                sb.append(String.format(format, "", "", "→ " + i.fix()));
            }
        }
        long failed = items.stream().filter(i -> i.status() == ChecklistItem.Status.FAIL).count();
        long manual = items.stream().filter(i -> i.status() == ChecklistItem.Status.MANUAL).count();
        sb.append(System.lineSeparator()).append(passed()
                ? "Every item Ficus can check is ✓"
                : failed + " item(s) ✗: do what the arrow says, then run 'ficus checklist' again")
                .append("; ").append(manual).append(" manual item(s) to confirm by hand.")
                .append(System.lineSeparator());
        return sb.toString();
    }

    ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("passed", passed());
        ArrayNode rows = o.putArray("items");
        items.forEach(i -> rows.add(i.toJson()));
        return o;
    }
}
