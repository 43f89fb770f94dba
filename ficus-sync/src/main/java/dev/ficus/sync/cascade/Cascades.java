package dev.ficus.sync.cascade;

import dev.ficus.sync.decode.RowChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules InnoDB applies behind the binlog's back, as row changes: for each parent row a batch deletes (or whose
 * referenced key it changes), the child rows of every followed foreign key become the delete (CASCADE) or update
 * (SET NULL, or the new key for ON UPDATE CASCADE) that InnoDB made and did not log, with the parent row's position.
 * The handlers route them like any other row. A synthetic change is itself a parent change where another followed key
 * hangs off its table, so nested cascades are followed too.
 *
 * <p>The children of a parent key come from what the sync saw of the child rows before (the index, behind
 * {@link Children}) and from the batch itself (rows not in the index yet). Finding a child too many costs one
 * needless re-extraction; missing one is the bug this exists for, so every image of a child row in the batch counts.
 * Pure logic: no I/O of its own.
 */
public final class Cascades {
    private Cascades() {
    }

    /** A parent key of one foreign key: whose children to find. */
    public record Lookup(ForeignKey key, String parentKey) {
    }

    /** The child rows (each as {@link ForeignKeys#rowImage}) last seen referring to each parent key. */
    @FunctionalInterface
    public interface Children {
        Map<Lookup, List<Map<String, Object>>> find(Collection<Lookup> lookups) throws InterruptedException;
    }

    /** A change to the index: the child row now refers to {@code parentKey}, or to nothing ({@code null}: forget it). */
    public record Mutation(ForeignKey key, String rowKey, String parentKey, Map<String, Object> row) {
    }

    private record ParentChange(ForeignKey key, String parentKey, Rule rule, RowChange row) {
    }

    /** The child row changes the database made for {@code batch} without writing them to the binlog, in batch order. */
    public static List<RowChange> infer(ForeignKeys keys, List<RowChange> batch, Children index)
            throws InterruptedException {
        if (keys.all().isEmpty()) {
            return List.of();
        }
        Map<Lookup, Map<String, Map<String, Object>>> inBatch = new LinkedHashMap<>();
        for (RowChange r : batch) {
            noteChild(keys, r, inBatch);
        }
        List<RowChange> out = new ArrayList<>();
        Set<Lookup> done = new HashSet<>();
        List<ParentChange> todo = parentChanges(keys, batch);
        while (!todo.isEmpty()) {
            Map<Lookup, ParentChange> latest = new LinkedHashMap<>();
            for (ParentChange pc : todo) {
                Lookup l = new Lookup(pc.key(), pc.parentKey());
                if (!done.contains(l)) {
                    latest.put(l, pc);
                }
            }
            done.addAll(latest.keySet());
            Map<Lookup, List<Map<String, Object>>> found = latest.isEmpty() ? Map.of() : index.find(latest.keySet());
            List<RowChange> next = new ArrayList<>();
            latest.forEach((lookup, pc) -> {
                Map<String, Map<String, Object>> children = new LinkedHashMap<>();
                for (Map<String, Object> row : found.getOrDefault(lookup, List.of())) {
                    children.put(keys.rowKey(lookup.key().childTable(), row), row);
                }
                children.putAll(inBatch.getOrDefault(lookup, Map.of()));
                for (Map<String, Object> child : children.values()) {
                    next.add(applied(pc, child));
                }
            });
            out.addAll(next);
            todo = parentChanges(keys, next);
        }
        return out;
    }

    /** What the index must learn from these rows (the batch's and the inferred ones, in order): the last per row. */
    public static List<Mutation> mutations(ForeignKeys keys, List<RowChange> rows) {
        Map<String, Mutation> last = new LinkedHashMap<>();
        for (RowChange r : rows) {
            // a snapshot's rows add nothing: every key is read in full when a snapshot starts, and what changes
            // after that read is in the binlog that follows the snapshot
            if (r.isSchemaChange() || r.isSnapshot()) {
                continue;
            }
            for (ForeignKey k : keys.ofChild(r.table())) {
                if (r.before() != null) {
                    String was = keys.rowKey(r.table(), r.before());
                    put(last, new Mutation(k, was, null, null));
                }
                if (r.after() != null && r.kind() != RowChange.Kind.DELETE) {
                    String parent = k.childKeyOf(r.after());
                    Map<String, Object> image = keys.rowImage(r.table(), r.after());
                    put(last, new Mutation(k, keys.rowKey(r.table(), r.after()), parent, parent == null ? null : image));
                }
            }
        }
        return List.copyOf(last.values());
    }

    private static void put(Map<String, Mutation> last, Mutation m) {
        String id = m.key().id() + "\u0000" + m.rowKey();
        last.remove(id);
        last.put(id, m);
    }

    private static void noteChild(ForeignKeys keys, RowChange r, Map<Lookup, Map<String, Map<String, Object>>> into) {
        if (r.isSchemaChange()) {
            return;
        }
        for (ForeignKey k : keys.ofChild(r.table())) {
            for (Map<String, Object> image : Arrays.asList(r.before(), r.after())) {
                String parent = image == null ? null : k.childKeyOf(image);
                if (parent != null) {
                    into.computeIfAbsent(new Lookup(k, parent), x -> new LinkedHashMap<>())
                            .put(keys.rowKey(r.table(), image), keys.rowImage(r.table(), image));
                }
            }
        }
    }

    private static List<ParentChange> parentChanges(ForeignKeys keys, List<RowChange> rows) {
        List<ParentChange> out = new ArrayList<>();
        for (RowChange r : rows) {
            if (r.oldKey() != null) {
                // the CREATE half of a primary key update: the referenced key changed from the old key's values
                for (ForeignKey k : keys.ofParent(r.table())) {
                    String was = k.parentKeyOf(r.oldKey());
                    if (was != null && k.onUpdate().changesChildren() && !was.equals(k.parentKeyOf(r.after()))) {
                        out.add(new ParentChange(k, was, k.onUpdate(), r));
                    }
                }
                continue;
            }
            if (r.kind() != RowChange.Kind.DELETE && r.kind() != RowChange.Kind.UPDATE || r.isKeyChangeDelete()) {
                continue;
            }
            for (ForeignKey k : keys.ofParent(r.table())) {
                String was = k.parentKeyOf(r.before());
                if (was == null) {
                    continue;
                }
                if (r.kind() == RowChange.Kind.DELETE && k.onDelete().changesChildren()) {
                    out.add(new ParentChange(k, was, k.onDelete(), r));
                } else if (r.kind() == RowChange.Kind.UPDATE && k.onUpdate().changesChildren()
                        && !was.equals(k.parentKeyOf(r.after()))) {
                    out.add(new ParentChange(k, was, k.onUpdate(), r));
                }
            }
        }
        return out;
    }

    /** The child row as the rule left it, as a row change at the parent change's position. */
    private static RowChange applied(ParentChange pc, Map<String, Object> child) {
        ForeignKey k = pc.key();
        String table = k.childTable();
        if (pc.rule() == Rule.CASCADE && pc.row().kind() == RowChange.Kind.DELETE) {
            return new RowChange(table, RowChange.Kind.DELETE, child, null, pc.row().position());
        }
        Map<String, Object> after = new LinkedHashMap<>(child);
        for (int i = 0; i < k.childColumns().size(); i++) {
            Object v = pc.rule() == Rule.SET_NULL ? null : pc.row().after().get(k.parentColumns().get(i));
            after.put(k.childColumns().get(i), v);
        }
        return new RowChange(table, RowChange.Kind.UPDATE, child, after, pc.row().position());
    }
}
