package dev.ficus.sync.cascade;

/** A column of a table that refers to another table's row: one column of a foreign key's child side. */
public record Reference(String table, String column) {

    @Override
    public String toString() {
        return table + "." + column;
    }
}
