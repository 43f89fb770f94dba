package dev.ficus.gateway.flag;

import dev.ficus.events.Domain;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes flag values with a history entry, through the store, on a worker thread. Each write is a compare-and-set
 * against the store's current content, so replicas that decide the same thing at once write it once.
 */
public final class FlagWriter {
    /** What a write did: whether the store changed, and the value it held before. */
    public record Outcome(boolean written, String previous) {
    }

    private final Vertx vertx;
    private final FlagStore store;
    private final FlagWatcher watcher;
    private final int historySize;

    public FlagWriter(Vertx vertx, FlagStore store, FlagWatcher watcher, int historySize) {
        this.vertx = vertx;
        this.store = store;
        this.watcher = watcher;
        this.historySize = historySize;
    }

    /**
     * Turns a flag off because its service failed, unless the store already says that no reads go to the service
     * (another replica or a person got there first: then nothing is written and no second alert goes out).
     */
    public Future<Outcome> autoDisable(Domain domain, String by, String reason, List<String> errors) {
        String flag = domain.flag();
        return write(current -> {
            String raw = current.get(flag);
            if (!routesReads(raw)) {
                return Map.of();
            }
            return entry(current, flag, "false", new FlagHistoryEntry(now(), FlagHistoryEntry.AUTO_DISABLE,
                    raw == null ? null : raw.strip(), "false", by, reason, errors));
        }, flag);
    }

    /** A person sets a flag (enable or disable through the admin API). The value must be valid. */
    public Future<Outcome> set(Domain domain, String value, String action, String by, String reason) {
        String flag = domain.flag();
        try {
            FlagRuleParser.parse(value);
        } catch (InvalidFlagValueException e) {
            return Future.failedFuture(new IllegalArgumentException("invalid value '" + value + "': " + e.getMessage()));
        }
        return write(current -> {
            String raw = current.get(flag);
            return entry(current, flag, value.strip(), new FlagHistoryEntry(now(), action,
                    raw == null ? null : raw.strip(), value.strip(), by, reason, List.of()));
        }, flag);
    }

    private Future<Outcome> write(java.util.function.Function<Map<String, String>, Map<String, String>> change,
                                  String flag) {
        String[] before = new String[1];
        return vertx.executeBlocking(() -> {
            Map<String, String> written = store.update(current -> {
                before[0] = current.get(flag);
                return change.apply(current);
            });
            return new Outcome(!written.isEmpty(), before[0]);
        }, false).compose(outcome -> watcher.reload().map(outcome));
    }

    private Map<String, String> entry(Map<String, String> current, String flag, String value, FlagHistoryEntry e) {
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put(flag, value);
        writes.put(FlagHistory.key(flag), FlagHistory.append(current.get(FlagHistory.key(flag)), e, historySize));
        return writes;
    }

    private static boolean routesReads(String raw) {
        if (raw == null) {
            return false;
        }
        try {
            return FlagRuleParser.parse(raw).routesReads();
        } catch (InvalidFlagValueException e) {
            // the gateway may still be routing on the last good value: turning it off is the safe side
            return true;
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
