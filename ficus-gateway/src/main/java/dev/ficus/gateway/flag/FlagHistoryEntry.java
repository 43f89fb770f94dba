package dev.ficus.gateway.flag;

import java.util.List;

/**
 * One change of a flag made by the gateway or through the admin API: when, what, by whom, why, and for an
 * auto-disable the last errors that caused it.
 */
public record FlagHistoryEntry(String at, String action, String from, String to, String by, String reason,
                               List<String> errors) {
    public static final String AUTO_DISABLE = "auto-disable";
    public static final String ENABLE = "enable";
    public static final String DISABLE = "disable";

    public FlagHistoryEntry {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
