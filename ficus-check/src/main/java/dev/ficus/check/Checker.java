package dev.ficus.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.sync.idmap.IdKey;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ficus check}: for each entity, what the platform should hold (built from Magento's database with the sync's
 * own extraction, UUIDs from the id map) against what the read models hold, field by field. Entities are read in
 * chunks (one IN list per table and chunk on Magento's side, one {@code = ANY} per chunk on the platform's), several
 * chunks at once. What differs is read again after the lag limit, so that a change still on its way counts as
 * caught up rather than as a mismatch.
 */
public final class Checker implements AutoCloseable {
    private final MagentoSide magento;
    private final PlatformSide platform;
    private final Clock clock;

    Checker(MagentoSide magento, PlatformSide platform, Clock clock) {
        this.magento = magento;
        this.platform = platform;
        this.clock = clock;
    }

    /** Connects to both databases with enough connections for {@code parallelism} chunks at once. */
    public static Checker connect(DatabaseEndpoint magentoDb, DatabaseEndpoint platformDb, int parallelism) {
        MagentoSide m = new MagentoSide(magentoDb, Math.max(1, parallelism));
        try {
            return new Checker(m, new PlatformSide(platformDb, Math.max(1, parallelism)), Clock.systemUTC());
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    MagentoSide magento() {
        return magento;
    }

    PlatformSide platform() {
        return platform;
    }

    public CheckReport check(CheckOptions o, Progress progress) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        Map<Target, List<Long>> ids = new LinkedHashMap<>();
        long total = 0;
        for (Target t : o.targets()) {
            List<Long> chosen = o.sample() > 0 ? sample(t, o.sample()) : union(magento.allIds(t), platform.allKeys(t));
            ids.put(t, chosen);
            total += chosen.size();
        }
        Map<Target, CheckReport.Tally> tallies = new LinkedHashMap<>();
        o.targets().forEach(t -> tallies.put(t, new CheckReport.Tally(t)));
        List<EntityResult> off = new ArrayList<>();
        long done = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.parallelism()));
        try {
            ExecutorCompletionService<List<EntityResult>> work = new ExecutorCompletionService<>(pool);
            int submitted = 0;
            for (Map.Entry<Target, List<Long>> e : ids.entrySet()) {
                for (List<Long> chunk : chunks(e.getValue())) {
                    Target t = e.getKey();
                    work.submit(() -> checkChunk(t, chunk));
                    submitted++;
                }
            }
            for (int i = 0; i < submitted; i++) {
                List<EntityResult> results = take(work);
                for (EntityResult r : results) {
                    tallies.get(r.target()).count(r);
                    if (!r.matches()) {
                        off.add(r);
                    }
                }
                done += results.size();
                progress.advanced(done, total);
            }
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        List<EntityResult> problems = off.isEmpty() ? off : readAgainAfter(o.lagLimit(), off, tallies);
        return new CheckReport(new ArrayList<>(tallies.values()), problems, elapsed, done);
    }

    /**
     * Reads the entities that differed once more, {@code lagLimit} after the first read; those that match now were
     * changes on their way and count as caught up. Returns the rest, as they are now.
     */
    private List<EntityResult> readAgainAfter(Duration lagLimit, List<EntityResult> off,
                                              Map<Target, CheckReport.Tally> tallies)
            throws SQLException, InterruptedException {
        Thread.sleep(lagLimit.toMillis());
        Map<String, EntityResult> first = new HashMap<>();
        off.forEach(r -> first.put(r.target() + "/" + r.magentoId(), r));
        List<EntityResult> still = new ArrayList<>();
        for (EntityResult now : recheck(off)) {
            if (now.matches()) {
                tallies.get(now.target()).caughtUp(first.get(now.target() + "/" + now.magentoId()));
            } else {
                still.add(now);
            }
        }
        return still;
    }

    /**
     * Re-publishes every entity the report found wrong through the sync's path, then checks them again until they
     * all match or {@code wait} is over; the report then says which were fixed.
     */
    public CheckReport repair(CheckReport report, Republisher republisher, Duration wait)
            throws SQLException, InterruptedException {
        List<EntityResult> off = report.problems();
        if (off.isEmpty()) {
            report.repair(new CheckReport.Repair(List.of(), List.of()));
            return report;
        }
        republisher.republish(off);
        long deadline = System.nanoTime() + wait.toNanos();
        List<EntityResult> now = recheck(off);
        while (now.stream().anyMatch(r -> !r.matches()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = recheck(off);
        }
        Set<String> matching = new java.util.HashSet<>();
        now.stream().filter(EntityResult::matches).forEach(r -> matching.add(r.target() + "/" + r.magentoId()));
        // fixed: as they were found; not fixed: as they are now
        List<EntityResult> fixed = off.stream().filter(r -> matching.contains(r.target() + "/" + r.magentoId()))
                .toList();
        List<EntityResult> notFixed = now.stream().filter(r -> !r.matches()).toList();
        report.repair(new CheckReport.Repair(fixed, notFixed));
        return report;
    }

    /** The id map's and the read models' counts against Magento's, for the targets' entity types. */
    public List<CountRow> counts(List<Target> targets) throws SQLException {
        return Counts.of(magento, platform, targets);
    }

    /** The entities of {@code results} checked again; one that is on neither side any more matches. */
    List<EntityResult> recheck(List<EntityResult> results) throws SQLException {
        Map<Target, List<Long>> byTarget = new LinkedHashMap<>();
        for (EntityResult r : results) {
            byTarget.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r.magentoId());
        }
        List<EntityResult> out = new ArrayList<>();
        for (Map.Entry<Target, List<Long>> e : byTarget.entrySet()) {
            for (List<Long> chunk : chunks(e.getValue())) {
                Map<Long, EntityResult> found = new HashMap<>();
                checkChunk(e.getKey(), chunk).forEach(r -> found.put(r.magentoId(), r));
                for (long id : chunk) {
                    EntityResult r = found.get(id);
                    out.add(r != null ? r.asCaughtUp() : new EntityResult(e.getKey(), id, EntityResult.Status.MATCH,
                            List.of(), null, null, true));
                }
            }
        }
        return out;
    }

    /** One chunk of one target: both sides read in bulk, then compared entity by entity. */
    List<EntityResult> checkChunk(Target t, List<Long> ids) throws SQLException {
        Map<Long, ObjectNode> expected = magento.records(t, ids);
        Map<Long, PlatformRow> rows = platform.rows(t, ids);
        Map<Long, String> uuids = t.hasUuid() ? platform.uuids(t.entityType(), ids) : Map.of();
        attachReferences(t, expected);
        List<EntityResult> out = new ArrayList<>(ids.size());
        java.time.Instant now = clock.instant();
        for (long id : ids) {
            EntityResult r = EntityComparison.compare(t, id, expected.get(id), uuids.get(id), rows.get(id), now);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Puts the UUIDs of referenced entities (a customer's addresses) into the records, as the sync does before it
     * publishes, from the id map as it stands: the check creates no entries. An entity the map lacks gets the nil
     * UUID, which no read model holds, so it shows as a difference.
     */
    private void attachReferences(Target t, Map<Long, ObjectNode> records) throws SQLException {
        var handler = magento.handler(t.entityType());
        Map<dev.ficus.events.EntityType, Set<Long>> wanted = new HashMap<>();
        List<IdKey> keys = new ArrayList<>();
        for (ObjectNode r : records.values()) {
            for (IdKey k : handler.references(r)) {
                keys.add(k);
                wanted.computeIfAbsent(k.type(), x -> new LinkedHashSet<>()).add(k.magentoId());
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        Map<IdKey, UUID> ids = new HashMap<>();
        for (Map.Entry<dev.ficus.events.EntityType, Set<Long>> e : wanted.entrySet()) {
            platform.uuids(e.getKey(), e.getValue()).forEach((id, uuid) ->
                    ids.put(new IdKey(e.getKey(), id), UUID.fromString(uuid)));
        }
        UUID none = new UUID(0, 0);
        keys.forEach(k -> ids.putIfAbsent(k, none));
        records.values().forEach(r -> handler.attachReferences(r, ids));
    }

    private List<Long> sample(Target t, int n) throws SQLException {
        List<Long> pool = union(magento.sampleIds(t, n), platform.sampleKeys(t, n));
        Collections.shuffle(pool);
        return new ArrayList<>(new TreeSet<>(pool.subList(0, Math.min(n, pool.size()))));
    }

    static List<Long> union(List<Long> a, List<Long> b) {
        TreeSet<Long> all = new TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CheckOptions.CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CheckOptions.CHUNK)));
        }
        return out;
    }

    private static List<EntityResult> take(ExecutorCompletionService<List<EntityResult>> work)
            throws SQLException, InterruptedException {
        Future<List<EntityResult>> f = work.take();
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        magento.close();
        platform.close();
    }
}
