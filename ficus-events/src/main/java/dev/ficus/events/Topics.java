package dev.ficus.events;

import java.util.List;

/**
 * The migration topics: one per domain plus the dead letters. On Redis these are stream keys; on Kafka they would be
 * topic names. Consumers subscribe by these names, so they are a contract (DESIGN.md, "Contracts").
 */
public final class Topics {
    public static final String PRODUCT = "migration.product.changed";
    public static final String CUSTOMER = "migration.customer.changed";
    public static final String ORDER = "migration.order.changed";
    public static final String STOCK = "migration.stock.changed";
    /** The store directory, read by every service (store codes of the REST paths). */
    public static final String STORE = "migration.store.changed";
    public static final String DLQ = "migration.dlq";

    /** The topics the sync publishes changes on (and marks the end of the snapshot on), without the dead letters. */
    public static final List<String> DOMAIN = List.of(PRODUCT, CUSTOMER, ORDER, STOCK, STORE);

    private Topics() {
    }
}
