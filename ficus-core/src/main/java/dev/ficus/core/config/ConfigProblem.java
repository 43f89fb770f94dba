package dev.ficus.core.config;

/** One thing wrong with the configuration: the key it concerns and why, in words a user can act on. */
public record ConfigProblem(String key, String reason) {
    @Override
    public String toString() {
        return key + ": " + reason;
    }
}
