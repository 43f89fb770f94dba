package dev.ficus.services.dlq;

/**
 * Which dead letters to list: by topic, by origin ({@code sync} or a service name), at most {@code limit}
 * (0 = all). {@code null} matches anything.
 */
public record DlqFilter(String topic, String origin, int limit) {
    public static final DlqFilter ALL = new DlqFilter(null, null, 0);

    boolean matches(DeadLetterEntry e) {
        return (topic == null || topic.equals(e.topic())) && (origin == null || origin.equals(e.origin()));
    }
}
