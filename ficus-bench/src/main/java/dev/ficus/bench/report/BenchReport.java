package dev.ficus.bench.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ficus bench NAME} prints: the machine, the tables, and each budget with whether it was met. A budget is
 * a target from DESIGN.md, checked against a figure measured in this run.
 */
public final class BenchReport {
    private final String name;
    private final Machine machine;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<BenchTable> tables = new ArrayList<>();
    private final List<Budget> budgets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** One budget: what it says, the measured figure, and whether the figure meets it. */
    public record Budget(String target, String measured, boolean met) {
    }

    public BenchReport(String name, Machine machine) {
        this.name = name;
        this.machine = machine;
    }

    public BenchReport table(BenchTable table) {
        tables.add(table);
        return this;
    }

    public BenchReport budget(String target, String measured, boolean met) {
        budgets.add(new Budget(target, measured, met));
        return this;
    }

    /** A sentence a reader needs to read the figures right (a caveat, what the baseline is). */
    public BenchReport note(String note) {
        notes.add(note);
        return this;
    }

    public List<Budget> budgets() {
        return List.copyOf(budgets);
    }

    public boolean allBudgetsMet() {
        return budgets.stream().allMatch(Budget::met);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("## ficus bench ").append(name).append("\n\n");
        out.append("Machine: ").append(machine.describe()).append("  \n");
        out.append("Run: ").append(started).append("\n\n");
        for (BenchTable table : tables) {
            out.append(table.render()).append('\n');
        }
        if (!budgets.isEmpty()) {
            BenchTable verdicts = new BenchTable("Budgets", "target", "measured", "met");
            budgets.forEach(b -> verdicts.row(b.target(), b.measured(), b.met() ? "yes" : "NO"));
            out.append(verdicts.render()).append('\n');
        }
        for (String note : notes) {
            out.append("- ").append(note).append('\n');
        }
        return out.toString();
    }
}
