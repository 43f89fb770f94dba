package dev.ficus.sync.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One foreign key between two captured tables, as information_schema describes it: the child's columns refer to the
 * parent's, and InnoDB applies {@code onDelete} when a parent row is deleted and {@code onUpdate} when the referenced
 * columns of a parent row change. Those changes to child rows never reach the binlog.
 */
public record ForeignKey(String name, String childTable, List<String> childColumns, String parentTable,
                         List<String> parentColumns, Rule onDelete, Rule onUpdate) {

    public ForeignKey {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
    }

    /** Unique within a database: constraint names are unique per table in MariaDB, per schema in MySQL. */
    public String id() {
        return childTable + "." + name;
    }

    /** The whole definition: a key that keeps its name but changes its columns or parent is another key. */
    public String definition() {
        return childTable + "(" + String.join(",", childColumns) + ") -> " + parentTable + "("
                + String.join(",", parentColumns) + ") ON DELETE " + onDelete + " ON UPDATE " + onUpdate;
    }

    public List<Reference> references() {
        List<Reference> out = new ArrayList<>(childColumns.size());
        for (String c : childColumns) {
            out.add(new Reference(childTable, c));
        }
        return out;
    }

    /** The key a child row refers to (its child columns), or {@code null} when it refers to none (a NULL column). */
    public String childKeyOf(Map<String, Object> childRow) {
        return Keys.of(childRow, childColumns);
    }

    /** The key a parent row is referred to by (its parent columns), or {@code null} when a column is NULL. */
    public String parentKeyOf(Map<String, Object> parentRow) {
        return Keys.of(parentRow, parentColumns);
    }

    @Override
    public String toString() {
        return definition();
    }
}
