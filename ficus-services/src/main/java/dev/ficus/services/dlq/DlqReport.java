package dev.ficus.services.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import java.util.List;

/** How {@code ficus dlq} prints dead letters: a table for {@code list}, the whole letter for {@code show}. */
public final class DlqReport {
    private static final int ERROR_WIDTH = 60;

    private DlqReport() {
    }

    /** One line per letter: id, origin, topic, subject, attempts, failed at, replayed at, error (shortened). */
    public static String table(List<DeadLetterEntry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-17s %-10s %-27s %-22s %8s %-24s %-24s %s%n", "ID", "ORIGIN", "TOPIC", "SUBJECT",
                "ATTEMPTS", "FAILED AT", "REPLAYED AT", "ERROR"));
        for (DeadLetterEntry e : entries) {
            sb.append(String.format("%-17s %-10s %-27s %-22s %8d %-24s %-24s %s%n", e.id(), e.origin(),
                    e.topic() == null ? "-" : e.topic(), e.subject(), e.attempts(),
                    e.failedAt() == null ? "-" : e.failedAt().toString(),
                    e.replayedAt() == null ? "-" : e.replayedAt().toString(), shorten(e.error())));
        }
        sb.append(entries.size()).append(entries.size() == 1 ? " dead letter" : " dead letters").append('\n');
        return sb.toString();
    }

    /** The letter as stored, pretty-printed, with the carried event unfolded when it is JSON. */
    public static String detail(DeadLetterEntry e) {
        JsonNode letter;
        try {
            letter = Json.read(e.raw());
        } catch (RuntimeException notJson) {
            return e.raw() + "\n";
        }
        if (letter.path("data").path("event").isTextual()) {
            try {
                ((ObjectNode) letter.get("data")).set("event", Json.read(letter.get("data").get("event").asText()));
            } catch (RuntimeException notJson) {
                // an undecodable event stays the text it was
            }
        }
        ObjectNode out = Json.object();
        out.put("id", e.id());
        out.put("replayable", e.replayable());
        if (e.replayedAt() != null) {
            out.put("replayed_at", e.replayedAt().toString());
        }
        out.set("letter", letter);
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** One line per replayed letter. */
    public static String replayed(List<ReplayResult> results) {
        StringBuilder sb = new StringBuilder();
        for (ReplayResult r : results) {
            sb.append(r.id()).append(": ").append(switch (r.outcome()) {
                case REPLAYED -> "put back on its topic as " + r.detail();
                case NOT_FOUND -> "not found";
                case NOT_REPLAYABLE -> "not replayable: " + r.detail();
            }).append('\n');
        }
        return sb.toString();
    }

    private static String shorten(String error) {
        if (error == null) {
            return "";
        }
        String oneLine = error.replace('\n', ' ');
        return oneLine.length() <= ERROR_WIDTH ? oneLine : oneLine.substring(0, ERROR_WIDTH - 1) + "…";
    }
}
