package dev.ficus.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of a bench report, rendered as a Markdown table with aligned columns, so the same text reads well in a
 * terminal and pastes into a closing note or a README.
 */
public final class BenchTable {
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public BenchTable(String title, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.title = title;
        this.columns = List.of(columns);
    }

    /** Adds a row; each cell is rendered with {@link String#valueOf(Object)}. */
    public BenchTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("table '" + title + "' has " + columns.size() + " columns, row has "
                    + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(List.copyOf(row));
        return this;
    }

    public String title() {
        return title;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public String render() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(3, columns.get(i).length());
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("### ").append(title).append("\n\n");
        line(out, columns, widths);
        out.append('|');
        for (int w : widths) {
            out.append('-').append("-".repeat(w)).append("-|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        out.append('\n');
    }
}
