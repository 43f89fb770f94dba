package dev.ficus.services.inventory;

import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.json.StockItemJson;
import dev.ficus.magento.api.json.StockItemRecord;
import dev.ficus.services.runtime.Answer;
import dev.ficus.services.runtime.MagentoErrors;
import dev.ficus.services.runtime.ReadModel;
import dev.ficus.services.runtime.ReadModelWriter;
import dev.ficus.services.runtime.Records;
import dev.ficus.services.runtime.ServiceContext;
import dev.ficus.services.runtime.Skus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/** The inventory service: {@code GET /rest[/<store>]/V1/stockItems/:sku}, the default stock's item of the SKU. */
public final class InventoryReadModel implements ReadModel {
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
        return new InventoryWriter();
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
            try (Connection c = context.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT record FROM stock_items "
                         + "WHERE lower(sku) = lower(?) ORDER BY product_id LIMIT 1")) {
                ps.setString(1, sku);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return MagentoErrors.answer(MagentoError.stockSkuNotFound(sku));
                    }
                    return Answer.ok(StockItemJson.write(StockItemRecord.fromColumns(
                            Records.columns(Json.read(rs.getString(1))))));
                }
            }
        });
    }
}
