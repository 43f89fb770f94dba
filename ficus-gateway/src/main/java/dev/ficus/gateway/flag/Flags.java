package dev.ficus.gateway.flag;

import dev.ficus.events.Domain;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flags in force, read on every request without locks. The store's content is applied key by key: a value that
 * does not parse keeps the last good rule (logged with the key and the reason, and counted); a store that cannot be
 * read keeps everything. A missing key means off.
 *
 * <p>A flag that this gateway turned off is off at once, before the store has been written, and stays off while the
 * store still holds the value it was turned off from (so a store that cannot be written still cannot turn it back on).
 */
public final class Flags {
    private static final Logger LOG = LoggerFactory.getLogger(Flags.class);

    private final AtomicReference<Map<Domain, FlagState>> states;
    private final Map<Domain, String> localOffs = new ConcurrentHashMap<>();
    private final Map<Domain, AtomicLong> invalidValues = new EnumMap<>(Domain.class);
    private final AtomicLong storeErrors = new AtomicLong();
    private final Set<String> reportedUnknownKeys = ConcurrentHashMap.newKeySet();
    private volatile String storeProblem;
    private volatile Instant lastRead;

    public Flags() {
        Map<Domain, FlagState> initial = new EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            initial.put(d, FlagState.initial(d.flag()));
            invalidValues.put(d, new AtomicLong());
        }
        states = new AtomicReference<>(Map.copyOf(initial));
    }

    /** The rule in force for a domain. */
    public FlagRule rule(Domain domain) {
        FlagState s = states.get().get(domain);
        String off = localOffs.get(domain);
        if (off != null && off.equals(Objects.requireNonNullElse(s.raw(), ""))) {
            return FlagRule.OFF;
        }
        return s.rule();
    }

    public FlagState state(Domain domain) {
        return states.get().get(domain);
    }

    /** True when this gateway turned the flag off and the store still says otherwise (a failed store write). */
    public boolean offLocally(Domain domain) {
        String off = localOffs.get(domain);
        return off != null && off.equals(Objects.requireNonNullElse(states.get().get(domain).raw(), ""));
    }

    /** Turns a flag off in this gateway now; the store is written separately. */
    public void turnOffLocally(Domain domain) {
        localOffs.put(domain, Objects.requireNonNullElse(states.get().get(domain).raw(), ""));
    }

    /** A person turned the flag on or off through the admin API: their value wins over a local auto-disable. */
    public void clearLocalOff(Domain domain) {
        localOffs.remove(domain);
    }

    /**
     * The state a person sees and the flag-state metric shows: {@code on}, {@code off}, {@code rollout},
     * {@code shadow}, or {@code auto_disabled} (off because the gateway turned it off, until a person changes it).
     */
    public String stateName(Domain domain) {
        FlagRule rule = rule(domain);
        if (rule.mode() == FlagRule.Mode.OFF) {
            FlagState s = state(domain);
            if (offLocally(domain)) {
                return "auto_disabled";
            }
            List<FlagHistoryEntry> h = s.history();
            if (!h.isEmpty() && s.raw() != null) {
                FlagHistoryEntry last = h.get(h.size() - 1);
                if (FlagHistoryEntry.AUTO_DISABLE.equals(last.action()) && s.raw().strip().equals(last.to())) {
                    return "auto_disabled";
                }
            }
            return "off";
        }
        return rule.mode().name().toLowerCase(java.util.Locale.ROOT);
    }

    public static final List<String> STATE_NAMES = List.of("off", "on", "rollout", "shadow", "auto_disabled");

    /** Applies the store's content (called after every read of the store). */
    public synchronized void apply(Map<String, String> data) {
        Map<Domain, FlagState> previous = states.get();
        Map<Domain, FlagState> next = new EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            next.put(d, applyOne(d, previous.get(d), data));
        }
        states.set(Map.copyOf(next));
        for (Domain d : Domain.values()) {
            String off = localOffs.get(d);
            if (off != null && !off.equals(Objects.requireNonNullElse(next.get(d).raw(), ""))) {
                localOffs.remove(d, off);
            }
        }
        reportUnknownKeys(data);
        lastRead = Instant.now();
        if (storeProblem != null) {
            LOG.info("flag store is readable again");
            storeProblem = null;
        }
    }

    /** The store could not be read: everything stays as it was. */
    public void storeFailed(IOException e) {
        storeErrors.incrementAndGet();
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!reason.equals(storeProblem)) {
            LOG.warn("flag store cannot be read, keeping the last good flags: {}", reason);
        }
        storeProblem = reason;
    }

    private FlagState applyOne(Domain d, FlagState before, Map<String, String> data) {
        String flag = d.flag();
        String raw = data.get(flag);
        List<FlagHistoryEntry> history = before.history();
        String historyProblem = null;
        try {
            history = FlagHistory.parse(data.get(FlagHistory.key(flag)));
        } catch (IOException e) {
            historyProblem = "unreadable history: " + e.getMessage();
        }
        if (Objects.equals(raw, before.raw())) {
            return new FlagState(flag, raw, before.rule(), before.problem(), history, historyProblem);
        }
        if (raw == null) {
            LOG.info("flag {}: key removed from the store, now off (was '{}')", flag, before.raw());
            return new FlagState(flag, null, FlagRule.OFF, null, history, historyProblem);
        }
        try {
            FlagRule rule = FlagRuleParser.parse(raw);
            LOG.info("flag {}: '{}' -> '{}' ({})", flag, before.raw() == null ? "" : before.raw().strip(),
                    raw.strip(), rule.describe());
            return new FlagState(flag, raw, rule, null, history, historyProblem);
        } catch (InvalidFlagValueException e) {
            invalidValues.get(d).incrementAndGet();
            LOG.warn("flag {}: invalid value '{}': {}; keeping '{}'", flag, raw.strip(), e.getMessage(),
                    before.rule().text());
            return new FlagState(flag, raw, before.rule(), e.getMessage(), history, historyProblem);
        }
    }

    private void reportUnknownKeys(Map<String, String> data) {
        for (String key : data.keySet()) {
            String base = FlagHistory.isHistoryKey(key) ? key.substring(0, key.length() - ".history".length()) : key;
            if (Domain.byFlag(base).isEmpty() && reportedUnknownKeys.add(key)) {
                LOG.warn("flag store has an unknown key '{}' (known: catalog_read, customer_read, order_read, "
                        + "inventory_read)", key);
            }
        }
    }

    public long invalidValues(Domain d) {
        return invalidValues.get(d).get();
    }

    public long storeErrors() {
        return storeErrors.get();
    }

    /** Why the store could not be read last time, or null when the last read worked. */
    public String storeProblem() {
        return storeProblem;
    }

    /** When the store was last read successfully, or null. */
    public Instant lastRead() {
        return lastRead;
    }
}
