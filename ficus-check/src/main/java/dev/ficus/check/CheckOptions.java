package dev.ficus.check;

import java.time.Duration;
import java.util.List;

/**
 * What to check and how.
 *
 * @param sample      entities per target picked at random; {@code 0} checks every entity
 * @param lagLimit    an entity that differs is read again once this long after the first read: a change still on
 *                    its way then shows as caught up, not as a mismatch
 * @param parallelism chunks checked at once
 */
public record CheckOptions(List<Target> targets, int sample, Duration lagLimit, int parallelism) {
    public static final int CHUNK = 1000;
}
