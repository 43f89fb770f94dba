package dev.ficus.sync.cascade;

import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.dependency.Dependencies;
import dev.ficus.sync.eav.Reads;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the foreign keys InnoDB applies without writing the changed child rows to the binlog (see {@link Cascades}).
 * It reads the keys among the captured tables from information_schema when it starts and again after any DDL went by
 * ({@link #schemaChanged}); keeps, per followed key, which child rows refer to which parent key ({@link ChildIndex}:
 * built from a full read of the child table the first time a key is followed, then kept up to date from the binlog's
 * own child rows and the inferred ones); and for each batch gives the child row changes the database made without
 * telling ({@link #inferred}).
 *
 * <p>Which keys are followed is the handlers' call ({@code follow}): a key whose child rows lead to the same entity as
 * the parent row needs nothing (the parent's own event covers it).
 */
public final class CascadeFollower {
    private static final Logger LOG = LoggerFactory.getLogger(CascadeFollower.class);

    private final List<String> captured;
    private final Predicate<ForeignKey> follow;
    private final ChildIndex index;
    private final Dependencies deps;
    private volatile ForeignKeys keys;
    private boolean rebuildAll;
    private boolean snapshotSeen;
    /** Keys built from a full read by this process: a snapshot that starts after needs no second read of them. */
    private final Set<String> builtHere = new HashSet<>();

    public CascadeFollower(List<String> captured, Predicate<ForeignKey> follow, ChildIndex index, Dependencies deps) {
        this.captured = List.copyOf(captured);
        this.follow = follow;
        this.index = index;
        this.deps = deps;
    }

    /**
     * A follower of no key, for a caller that re-publishes entities' current state ({@code ficus check --repair}):
     * its rows are no parent deletes, and the sync's own follower keeps the index of children.
     */
    public static CascadeFollower none() {
        CascadeFollower f = new CascadeFollower(List.of(), key -> false, null, null);
        f.keys = new ForeignKeys(List.of(), Map.of(), Map.of());
        return f;
    }

    /** A DDL statement went by: the keys are read again before the next batch is followed. */
    public void schemaChanged() {
        keys = null;
    }

    /** The keys followed now, reading them (and building their index) first if needed; none if that failed. */
    public ForeignKeys keys() throws InterruptedException {
        ForeignKeys k = keys;
        if (k != null) {
            return k;
        }
        try {
            ForeignKeys all = deps.withMagento(Reads.SNAPSHOT, c -> ForeignKeys.load(c, captured));
            ForeignKeys followed = all.only(follow);
            LOG.info("foreign keys among the captured tables that change child rows: {}, following {}",
                    all.all().size(), describe(followed.all()));
            LOG.debug("not following (the parent's own change covers them, or declared not followed): {}",
                    describe(all.all().stream().filter(x -> !followed.all().contains(x)).toList()));
            Set<String> ids = followed.all().stream().map(ForeignKey::id).collect(Collectors.toSet());
            Set<String> stale = new HashSet<>();
            if (rebuildAll) {
                stale.addAll(ids);
                stale.removeAll(builtHere);
            }
            postgres(() -> {
                index.forget(ids, stale);
                return null;
            });
            Map<String, String> built = postgres(index::built);
            for (ForeignKey fk : followed.all()) {
                if (!fk.definition().equals(built.get(fk.id()))) {
                    build(fk, followed);
                    builtHere.add(fk.id());
                }
            }
            rebuildAll = false;
            keys = followed;
            return followed;
        } catch (Dependencies.DataException e) {
            LOG.error("cannot read or index the foreign keys of the captured tables ({}); cascades of this batch are "
                    + "not followed, trying again with the next", e.getCause().toString());
            return null;
        }
    }

    /** The child row changes InnoDB made for {@code batch} without writing them to the binlog. */
    public List<RowChange> inferred(List<RowChange> batch) throws InterruptedException {
        if (!snapshotSeen && batch.stream().anyMatch(RowChange::isSnapshot)) {
            // a snapshot means the binlog before it was not followed: what the index learnt from it may be stale
            snapshotSeen = true;
            rebuildAll = true;
            keys = null;
        }
        ForeignKeys k = keys();
        if (k == null) {
            return List.of();
        }
        return Cascades.infer(k, batch, lookups -> postgres(() -> index.find(lookups)));
    }

    /**
     * Records where the child rows of {@code batch} and of the inferred changes now point. Called after the batch's
     * events are stored: a crash before this finds the same children again when the batch is read again.
     */
    public void remember(List<RowChange> batch, List<RowChange> inferred) throws InterruptedException {
        ForeignKeys k = keys;
        if (k == null || k.all().isEmpty()) {
            return;
        }
        List<RowChange> all = new ArrayList<>(batch.size() + inferred.size());
        all.addAll(batch);
        all.addAll(inferred);
        // an inferred change has its parent's position: a later binlog row of the same child must win over it
        all.sort(Comparator.comparing(RowChange::position));
        List<Cascades.Mutation> mutations = Cascades.mutations(k, all);
        postgres(() -> {
            index.apply(mutations);
            return null;
        });
    }

    private void build(ForeignKey fk, ForeignKeys followed) throws InterruptedException, Dependencies.DataException {
        long start = System.nanoTime();
        int[] rows = new int[1];
        List<String> columns = followed.rowColumns(fk.childTable());
        String select = "SELECT " + columns.stream().map(CascadeFollower::quote).collect(Collectors.joining(", "))
                + " FROM " + quote(fk.childTable()) + " WHERE " + fk.childColumns().stream()
                .map(c -> quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        deps.withMagento(Reads.SNAPSHOT, c -> {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setFetchSize(1_000);
                try (ResultSet rs = ps.executeQuery()) {
                    index.rebuild(fk, followed, () -> new RowIterator(rs, rows));
                }
            }
            return null;
        });
        LOG.info("foreign key {}: {} child rows indexed in {} ms", fk.definition(), rows[0],
                (System.nanoTime() - start) / 1_000_000);
    }

    @FunctionalInterface
    private interface PostgresWork<T> {
        T run() throws SQLException;
    }

    private <T> T postgres(PostgresWork<T> work) throws InterruptedException {
        return deps.untilAvailable("postgres", () -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new Dependencies.Unavailable(e);
            }
        });
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String describe(List<ForeignKey> keys) {
        return keys.isEmpty() ? "none" : keys.stream().map(ForeignKey::definition).collect(Collectors.joining("; "));
    }

    /** A streamed result set as row maps (numbers as longs, the way the index keeps them). */
    private static final class RowIterator implements Iterator<Map<String, Object>> {
        private final ResultSet rs;
        private final int[] count;
        private Boolean hasNext;

        RowIterator(ResultSet rs, int[] count) {
            this.rs = rs;
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            if (hasNext == null) {
                try {
                    hasNext = rs.next();
                } catch (SQLException e) {
                    throw new IllegalStateException("reading the child table: " + e.getMessage(), e);
                }
            }
            return hasNext;
        }

        @Override
        public Map<String, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            hasNext = null;
            count[0]++;
            try {
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnLabel(i), v instanceof Number n && !(v instanceof BigDecimal)
                            ? Long.valueOf(n.longValue()) : v);
                }
                return row;
            } catch (SQLException e) {
                throw new IllegalStateException("reading the child table: " + e.getMessage(), e);
            }
        }
    }
}
