package dev.ficus.services;

import dev.ficus.events.Domain;
import dev.ficus.services.catalog.CatalogReadModel;
import dev.ficus.services.customer.CustomerReadModel;
import dev.ficus.services.inventory.InventoryReadModel;
import dev.ficus.services.order.OrderReadModel;
import dev.ficus.services.runtime.ReadModel;

/** The read model of each service, configured. */
public final class ReadModels {
    private ReadModels() {
    }

    public static ReadModel of(Domain name, ServicesConfig config) {
        return switch (name) {
            case CATALOG -> new CatalogReadModel();
            case CUSTOMER -> new CustomerReadModel(config.identityHeader());
            case ORDER -> new OrderReadModel();
            case INVENTORY -> new InventoryReadModel();
        };
    }
}
