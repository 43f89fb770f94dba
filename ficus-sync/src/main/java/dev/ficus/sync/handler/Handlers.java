package dev.ficus.sync.handler;

import dev.ficus.sync.cascade.ForeignKey;
import dev.ficus.sync.eav.AttributeCatalog;
import java.util.List;
import java.util.function.Predicate;

/** The sync's domains, and what they make of the configured table list. */
public final class Handlers {
    private Handlers() {
    }

    public static List<DomainHandler> all(AttributeCatalog attributes) {
        return List.of(new ProductHandler(attributes), new CustomerHandler(), new OrderHandler(), new StockHandler(),
                new StoreDirectoryHandler());
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

    /**
     * The foreign keys whose cascades the sync must follow itself: those whose child table some handler reads, unless
     * a handler declares a child column not followed, or every handler reading the child table follows those columns
     * through the parent row's own change ({@link DomainHandler#followedThroughParent}).
     */
    public static Predicate<ForeignKey> cascadesToFollow(List<DomainHandler> handlers) {
        return key -> {
            List<DomainHandler> readers = handlers.stream().filter(h -> h.tables().contains(key.childTable())).toList();
            if (readers.isEmpty()
                    || handlers.stream().anyMatch(h -> key.references().stream().anyMatch(h.notFollowed()::contains))) {
                return false;
            }
            return !readers.stream().allMatch(h -> h.followedThroughParent().containsAll(key.references()));
        };
    }
}
