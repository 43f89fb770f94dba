package dev.ficus.events;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where in Magento's binlog a change was read, so that consumers can order events of one entity and drop duplicates.
 *
 * <p>The order is (binlog file, position, snapshot before streaming, event, row). Binlog file names share a base name
 * and differ by a growing number ({@code mysql-bin.000012}), compared as a number so that {@code .999999 < .1000000}.
 * {@code pos} is where the row's transaction starts (Debezium's restart position), so every row of one transaction
 * has the same {@code pos}; {@code event} counts the binlog events from there to the row's event, and {@code row} is
 * the row's index inside that event (one UPDATE can write many rows in one event). Every row read by a snapshot
 * carries the binlog position at which the snapshot started, and streaming resumes from exactly there, so at an equal
 * position a snapshot row is older than a streamed one. The GTID and the commit time are carried for people and
 * tools; they do not take part in the order because a GTID set is not totally ordered across domains.
 *
 * <p>A consumer keeps the position of the last event it applied per entity and applies a new one only if it is
 * {@link #isAfter after} it: that makes a replay after a crash (at-least-once) harmless and an older event unable
 * to overwrite a newer one.
 */
public record SourcePosition(String file, long pos, long event, long row, String gtid, long tsMs, boolean snapshot)
        implements Comparable<SourcePosition> {

    private static final Comparator<SourcePosition> ORDER = Comparator
            .comparing(SourcePosition::file, SourcePosition::compareFiles)
            .thenComparingLong(SourcePosition::pos)
            .thenComparing(p -> !p.snapshot())
            .thenComparingLong(SourcePosition::event)
            .thenComparingLong(SourcePosition::row);

    public SourcePosition {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public int compareTo(SourcePosition other) {
        return ORDER.compare(this, other);
    }

    /** True when this position is strictly later than {@code other}; a consumer applies an event only then. */
    public boolean isAfter(SourcePosition other) {
        return other == null || compareTo(other) > 0;
    }

    /** The later of two positions ({@code null} counts as the earliest). */
    public static SourcePosition latest(SourcePosition a, SourcePosition b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    static int compareFiles(String a, String b) {
        int dotA = a.lastIndexOf('.');
        int dotB = b.lastIndexOf('.');
        String baseA = dotA < 0 ? a : a.substring(0, dotA);
        String baseB = dotB < 0 ? b : b.substring(0, dotB);
        String numA = dotA < 0 ? "" : a.substring(dotA + 1);
        String numB = dotB < 0 ? "" : b.substring(dotB + 1);
        if (baseA.equals(baseB) && isDigits(numA) && isDigits(numB)) {
            String na = stripZeros(numA);
            String nb = stripZeros(numB);
            return na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        }
        return a.compareTo(b);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
