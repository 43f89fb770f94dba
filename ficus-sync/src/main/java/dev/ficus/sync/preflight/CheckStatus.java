package dev.ficus.sync.preflight;

/** PASS and INFO never fail a preflight; FAIL does. */
public enum CheckStatus {
    PASS, INFO, FAIL
}
