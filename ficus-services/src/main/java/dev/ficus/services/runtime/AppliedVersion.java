package dev.ficus.services.runtime;

import dev.ficus.events.SourcePosition;

/**
 * What the version guard knows of an entity: the source position of the last event applied to it ({@code null}
 * when none was) and whether that event deleted it.
 */
public record AppliedVersion(SourcePosition position, boolean deleted) {
    public static final AppliedVersion NONE = new AppliedVersion(null, false);

    /** True when an event at {@code candidate} is newer than what was applied, so it must be applied. */
    public boolean isOlderThan(SourcePosition candidate) {
        return candidate.isAfter(position);
    }
}
