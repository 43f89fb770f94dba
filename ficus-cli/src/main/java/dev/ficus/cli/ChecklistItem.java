package dev.ficus.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;

/** One line of {@code ficus checklist}: an item of the plan's section 8, its outcome, and what to do when it is not ✓. */
record ChecklistItem(String item, Status status, String detail, String fix) {
    enum Status {
        PASS("✓"), FAIL("✗"), MANUAL("manual");

        private final String mark;

        Status(String mark) {
            this.mark = mark;
        }

        String mark() {
            return mark;
        }
    }

    static ChecklistItem pass(String item, String detail) {
        return new ChecklistItem(item, Status.PASS, detail, "");
    }

    static ChecklistItem fail(String item, String detail, String fix) {
        return new ChecklistItem(item, Status.FAIL, detail, fix);
    }

    static ChecklistItem manual(String item, String fix) {
        return new ChecklistItem(item, Status.MANUAL, "cannot be checked from here", fix);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("item", item);
        o.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        o.put("detail", detail);
        o.put("fix", fix);
        return o;
    }
}
