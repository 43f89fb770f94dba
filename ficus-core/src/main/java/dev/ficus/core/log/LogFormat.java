package dev.ficus.core.log;

/** How log lines look: {@code text} for people, {@code json} (one object per line) for log collectors. */
public enum LogFormat {
    TEXT, JSON
}
