package dev.ficus.services.inventory;

import dev.ficus.events.Domain;
import dev.ficus.events.EntityType;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.json.StockItemJson;
import dev.ficus.magento.api.json.StockItemRecord;
import dev.ficus.services.runtime.Answer;
import dev.ficus.services.runtime.EntityTable;
import dev.ficus.services.runtime.MagentoErrors;
import dev.ficus.services.runtime.ReadModel;
import dev.ficus.services.runtime.ReadModelWriter;
import dev.ficus.services.runtime.Records;
import dev.ficus.services.runtime.ServiceContext;
import dev.ficus.services.runtime.Skus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The inventory service: {@code GET /rest[/<store>]/V1/stockItems/:sku}, the default stock's item of the SKU. */
public final class InventoryReadModel implements ReadModel {
    /** Stock items keyed by product id, found by the SKU the sync puts in the record. */
    static final EntityTable STOCK_ITEMS = new EntityTable("stock_items", EntityType.STOCK, "product_id",
            List.of(EntityTable.Column.requiredText("sku")),
            record -> StockItemJson.write(StockItemRecord.fromColumns(Records.columns(record))), 1);

    @Override
    public String name() {
        return Domain.INVENTORY.id();
    }

    @Override
    public List<String> topics() {
        return Domain.INVENTORY.topics();
    }

    @Override
    public ReadModelWriter writer() {
        return STOCK_ITEMS.writer();
    }

    @Override
    public void mount(Router router, ServiceContext context) {
        // stock items are global: the store code only has to be one
        context.routes().get("stockItems/:sku", (ctx, request) -> stockItem(ctx, context, request.param("sku")));
    }

    private static void stockItem(RoutingContext ctx, ServiceContext context, String sku) {
        if (!Skus.canExist(sku)) {
            ServiceContext.send(ctx, MagentoErrors.answer(MagentoError.stockSkuNotFound(sku)));
            return;
        }
        context.answer(ctx, () -> {
            try (Connection c = context.dataSource().getConnection()) {
                return STOCK_ITEMS.answer(c, "lower(sku) = lower(?)", List.of(sku), " ORDER BY product_id LIMIT 1")
                        .map(Answer::ok).orElseGet(() -> MagentoErrors.answer(MagentoError.stockSkuNotFound(sku)));
            }
        });
    }

    @Override
    public void prepare(DataSource dataSource) throws SQLException {
        STOCK_ITEMS.renderStale(dataSource);
    }
}
