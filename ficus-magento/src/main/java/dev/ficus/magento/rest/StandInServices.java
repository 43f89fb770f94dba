package dev.ficus.magento.rest;

import dev.ficus.magento.auth.JwtTokens;
import dev.ficus.magento.data.AttributeCache;
import dev.ficus.magento.data.CustomerRepository;
import dev.ficus.magento.data.OrderRepository;
import dev.ficus.magento.data.ProductReader;
import dev.ficus.magento.data.ProductSearch;
import dev.ficus.magento.data.ProductWriter;
import dev.ficus.magento.data.StockRegistry;

/** The repositories and token service the routes share. */
record StandInServices(MagentoStandInConfig config, JwtTokens tokens, ProductReader productReader,
                       ProductSearch productSearch, ProductWriter productWriter, StockRegistry stock,
                       CustomerRepository customers, OrderRepository orders) {

    static StandInServices create(MagentoStandInConfig config, JwtTokens tokens) {
        AttributeCache attributes = new AttributeCache();
        StockRegistry stock = new StockRegistry();
        ProductReader reader = new ProductReader(attributes);
        return new StandInServices(config, tokens, reader, new ProductSearch(attributes, reader),
                new ProductWriter(attributes, stock), stock, new CustomerRepository(),
                new OrderRepository());
    }
}
