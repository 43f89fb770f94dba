package dev.ficus.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a check found: per target how many entities were checked and how they stood, every entity that does not
 * match (with its fields), what a repair fixed, and the counts. {@link #passed()} only when every entity matches
 * within the lag limit (and a repair left nothing behind).
 */
public final class CheckReport {
    private final List<Tally> tallies;
    private final List<EntityResult> problems;
    private final Duration elapsed;
    private final long entities;
    private Repair repair;
    private List<CountRow> counts = List.of();

    CheckReport(List<Tally> tallies, List<EntityResult> problems, Duration elapsed, long entities) {
        this.tallies = tallies;
        this.problems = problems;
        this.elapsed = elapsed;
        this.entities = entities;
    }

    /** A repair's outcome: the entities that match after it and those that still do not. */
    public record Repair(List<EntityResult> fixed, List<EntityResult> notFixed) {
    }

    public List<Tally> tallies() {
        return tallies;
    }

    /** The entities that do not match (after the lag limit), as first found. */
    public List<EntityResult> problems() {
        return problems;
    }

    public Repair repair() {
        return repair;
    }

    void repair(Repair r) {
        this.repair = r;
    }

    public List<CountRow> counts() {
        return counts;
    }

    public CheckReport counts(List<CountRow> rows) {
        this.counts = List.copyOf(rows);
        return this;
    }

    public long entities() {
        return entities;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** Entities checked per second in the first pass (reading both sides and comparing). */
    public double rate() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : entities / s;
    }

    public boolean passed() {
        return repair != null ? repair.notFixed().isEmpty() : problems.isEmpty();
    }

    /** The report for people: a summary row per target, then each entity that does not match and its fields. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-28s %9s %9s %9s %9s %9s %10s %9s%n";
        sb.append(String.format(Locale.ROOT, fmt, "target", "checked", "match", "differ", "missing", "extra",
                "caught up", "max lag"));
        for (Tally t : tallies) {
            sb.append(String.format(Locale.ROOT, fmt, t.target.label(), t.checked, t.matched, t.different, t.missing,
                    t.extra, t.caughtUp, t.maxLag == null ? "-" : String.format(Locale.ROOT, "%.1f s", t.maxLag)));
        }
        if (!problems.isEmpty()) {
            sb.append(System.lineSeparator());
            for (EntityResult r : problems) {
                appendEntity(sb, r);
            }
        }
        if (repair != null) {
            sb.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                    "repair: %d re-published, %d fixed, %d still wrong%n", repair.fixed().size()
                            + repair.notFixed().size(), repair.fixed().size(), repair.notFixed().size()));
            for (EntityResult r : repair.notFixed()) {
                appendEntity(sb, r);
            }
        }
        if (!counts.isEmpty()) {
            sb.append(System.lineSeparator()).append(CountRow.table(counts));
        }
        sb.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                "%d entities in %.1f s (%,.0f entities/s): %s%n", entities, elapsed.toNanos() / 1e9, rate(),
                passed() ? (repair != null && !repair.fixed().isEmpty() ? "repaired, all match" : "all match")
                        : "MISMATCHES"));
        return sb.toString();
    }

    private static void appendEntity(StringBuilder sb, EntityResult r) {
        sb.append(String.format(Locale.ROOT, "%s %s %d: %s", r.target().label(), r.target().entityType().code(),
                r.magentoId(), r.status().name().toLowerCase(Locale.ROOT)));
        if (r.lagSeconds() != null && r.lagSeconds() != 0) {
            sb.append(String.format(Locale.ROOT, ", updated_at lag %.1f s", r.lagSeconds()));
        }
        if (r.sinceChange() != null) {
            sb.append(String.format(Locale.ROOT, ", changed in Magento %.0f s ago", r.sinceChange()));
        }
        sb.append(System.lineSeparator());
        for (FieldDiff d : r.diffs()) {
            sb.append("    ").append(d.field()).append(": Magento ").append(quote(d.expected()))
                    .append(", platform ").append(quote(d.actual())).append(System.lineSeparator());
        }
    }

    private static String quote(String v) {
        return v == null ? "(absent)" : "'" + v + "'";
    }

    /** The counts alone, for people. */
    public static String countTable(List<CountRow> rows) {
        return CountRow.table(rows);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("passed", passed());
        o.put("entities", entities);
        o.put("seconds", elapsed.toNanos() / 1e9);
        o.put("entities_per_second", Math.round(rate()));
        ArrayNode targets = o.putArray("targets");
        for (Tally t : tallies) {
            ObjectNode n = targets.addObject();
            n.put("domain", t.target.domain().id());
            n.put("table", t.target.table());
            n.put("entity_type", t.target.entityType().code());
            n.put("checked", t.checked);
            n.put("match", t.matched);
            n.put("different", t.different);
            n.put("missing", t.missing);
            n.put("extra", t.extra);
            n.put("caught_up", t.caughtUp);
            if (t.maxLag != null) {
                n.put("max_lag_seconds", t.maxLag);
            }
        }
        o.set("mismatches", entities(problems));
        if (repair != null) {
            ObjectNode r = o.putObject("repair");
            r.set("fixed", entities(repair.fixed()));
            r.set("not_fixed", entities(repair.notFixed()));
        }
        if (!counts.isEmpty()) {
            ArrayNode c = o.putArray("counts");
            counts.forEach(row -> c.add(row.toJson()));
        }
        return o;
    }

    private static ArrayNode entities(List<EntityResult> results) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (EntityResult r : results) {
            ObjectNode n = a.addObject();
            n.put("domain", r.target().domain().id());
            n.put("table", r.target().table());
            n.put("entity_type", r.target().entityType().code());
            n.put("magento_id", r.magentoId());
            n.put("status", r.status().name().toLowerCase(Locale.ROOT));
            if (r.lagSeconds() != null) {
                n.put("lag_seconds", r.lagSeconds());
            }
            if (r.sinceChange() != null) {
                n.put("since_change_seconds", r.sinceChange());
            }
            ArrayNode fields = n.putArray("fields");
            for (FieldDiff d : r.diffs()) {
                ObjectNode f = fields.addObject();
                f.put("field", d.field());
                f.put("magento", d.expected());
                f.put("platform", d.actual());
            }
        }
        return a;
    }

    /** Per target: how the checked entities stood. */
    public static final class Tally {
        private final Target target;
        private long checked;
        private long matched;
        private long different;
        private long missing;
        private long extra;
        private long caughtUp;
        private Double maxLag;

        Tally(Target target) {
            this.target = target;
        }

        void count(EntityResult r) {
            checked++;
            switch (r.status()) {
                case MATCH -> matched++;
                case DIFFERENT -> different++;
                case MISSING -> missing++;
                case EXTRA -> extra++;
            }
            if (r.lagSeconds() != null) {
                double lag = Math.abs(r.lagSeconds());
                maxLag = maxLag == null ? lag : Math.max(maxLag, lag);
            }
        }

        /** One that differed at first matched when read again: it counts as a match. */
        void caughtUp(EntityResult first) {
            switch (first.status()) {
                case MATCH -> matched--;
                case DIFFERENT -> different--;
                case MISSING -> missing--;
                case EXTRA -> extra--;
            }
            matched++;
            caughtUp++;
        }

        public Target target() {
            return target;
        }

        public long checked() {
            return checked;
        }

        public long matched() {
            return matched;
        }

        public long different() {
            return different;
        }

        public long missing() {
            return missing;
        }

        public long extra() {
            return extra;
        }

        public long caughtUp() {
            return caughtUp;
        }

        /** The largest lag (absolute, seconds) among the entities checked; {@code null} when none carried one. */
        public Double maxLagSeconds() {
            return maxLag;
        }

        /** The entities that do not match (after the lag limit): different, missing or extra. */
        public long mismatches() {
            return different + missing + extra;
        }
    }
}
