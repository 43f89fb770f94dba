package dev.ficus.services;

import dev.ficus.services.catalog.CatalogReadModel;
import dev.ficus.services.customer.CustomerReadModel;
import dev.ficus.services.inventory.InventoryReadModel;
import dev.ficus.services.order.OrderReadModel;
import dev.ficus.services.runtime.ReadModel;
import dev.ficus.services.runtime.StoreCodes;

/** The read model of each service, configured. */
public final class ReadModels {
    private ReadModels() {
    }

    public static ReadModel of(ServiceName name, ServicesConfig config) {
        StoreCodes stores = new StoreCodes(config.stores());
        return switch (name) {
            case CATALOG -> new CatalogReadModel(stores);
            case CUSTOMER -> new CustomerReadModel(config.identityHeader(), stores);
            case ORDER -> new OrderReadModel(stores);
            case INVENTORY -> new InventoryReadModel(stores);
        };
    }
}
