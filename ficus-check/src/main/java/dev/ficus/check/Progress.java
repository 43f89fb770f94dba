package dev.ficus.check;

/** Told how far a check has come. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void advanced(long done, long total);
}
