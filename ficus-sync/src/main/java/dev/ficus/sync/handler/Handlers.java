package dev.ficus.sync.handler;

import dev.ficus.sync.eav.AttributeCatalog;
import java.util.List;

/** The sync's domains, and what they make of the configured table list. */
public final class Handlers {
    private Handlers() {
    }

    public static List<DomainHandler> all(AttributeCatalog attributes) {
        return List.of(new ProductHandler(attributes), new CustomerHandler(), new OrderHandler(), new StockHandler());
    }

    /**
     * The captured tables (in their configured order) whose snapshot rows some handler uses; all captured tables if
     * none is (a table list without any entity table: the snapshot then reads what it is given, as Debezium would).
     */
    public static List<String> snapshotTables(List<DomainHandler> handlers, List<String> captured) {
        List<String> used = captured.stream()
                .filter(t -> handlers.stream().anyMatch(h -> h.snapshotTables().contains(t)))
                .toList();
        return used.isEmpty() ? captured : used;
    }
}
