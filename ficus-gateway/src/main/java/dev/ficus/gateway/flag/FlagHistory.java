package dev.ficus.gateway.flag;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ficus.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A flag's history lives beside it in the same store, under the key {@code <flag>.history}, as a JSON array (oldest
 * first, at most N entries), so that every replica and every person sees the same story.
 */
public final class FlagHistory {
    private static final TypeReference<List<FlagHistoryEntry>> LIST = new TypeReference<>() {
    };

    private FlagHistory() {
    }

    public static String key(String flag) {
        return flag + ".history";
    }

    public static boolean isHistoryKey(String key) {
        return key.endsWith(".history");
    }

    /** The entries, or an empty list when there are none; a malformed history is reported, not fatal. */
    public static List<FlagHistoryEntry> parse(String json) throws IOException {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<FlagHistoryEntry> entries = Json.mapper().readValue(json, LIST);
        return entries == null ? List.of() : entries;
    }

    /** The history text with one more entry, dropping the oldest beyond {@code max}; a malformed old text is replaced. */
    public static String append(String existing, FlagHistoryEntry entry, int max) {
        List<FlagHistoryEntry> entries;
        try {
            entries = new ArrayList<>(parse(existing));
        } catch (IOException e) {
            entries = new ArrayList<>();
        }
        entries.add(entry);
        while (entries.size() > max) {
            entries.remove(0);
        }
        return Json.write(entries);
    }
}
