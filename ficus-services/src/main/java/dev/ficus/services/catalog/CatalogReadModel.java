package dev.ficus.services.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchResultJson;
import dev.ficus.magento.api.criteria.SqlWhere;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.json.MagentoJson;
import dev.ficus.magento.api.json.ProductJson;
import dev.ficus.services.runtime.Answer;
import dev.ficus.services.runtime.MagentoErrors;
import dev.ficus.services.runtime.PgCriteria;
import dev.ficus.services.runtime.ReadModel;
import dev.ficus.services.runtime.ReadModelWriter;
import dev.ficus.services.runtime.RestRequest;
import dev.ficus.services.runtime.SearchRequests;
import dev.ficus.services.runtime.ServiceContext;
import dev.ficus.services.runtime.Skus;
import dev.ficus.services.runtime.Sql;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog service: {@code GET /rest[/<store>]/V1/products/:sku} with the store view's values, website ids,
 * category links and stock item, and {@code GET /rest[/<store>]/V1/products} with searchCriteria; answered from
 * {@code products} and {@code catalog_stock_items}.
 */
public final class CatalogReadModel implements ReadModel {
    private static final Set<String> NUMBER_COLUMNS = Set.of("attribute_set_id", "has_options", "required_options");
    private static final Set<String> TEXT_COLUMNS = Set.of("sku", "type_id", "created_at", "updated_at");

    @Override
    public String name() {
        return Domain.CATALOG.id();
    }

    @Override
    public List<String> topics() {
        return Domain.CATALOG.topics();
    }

    @Override
    public ReadModelWriter writer() {
        return new CatalogWriter();
    }

    @Override
    public void mount(Router router, ServiceContext context) {
        context.routes().get("products", (ctx, request) -> search(ctx, context, request.storeId()));
        context.routes().get("products/:sku", (ctx, request) -> product(ctx, context, request));
    }

    private void product(RoutingContext ctx, ServiceContext context, RestRequest request) {
        String sku = request.param("sku");
        long storeId = request.storeId();
        if (!Skus.canExist(sku)) {
            ServiceContext.send(ctx, MagentoErrors.answer(MagentoError.productNotFound()));
            return;
        }
        context.answer(ctx, () -> {
            try (Connection c = context.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT p.record, s.record FROM products p "
                         + "LEFT JOIN catalog_stock_items s ON s.product_id = p.magento_id "
                         + "WHERE lower(p.sku) = lower(?) ORDER BY p.magento_id LIMIT 1")) {
                ps.setString(1, sku);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return MagentoErrors.answer(MagentoError.productNotFound());
                    }
                    JsonNode record = Json.read(rs.getString(1));
                    String stock = rs.getString(2);
                    return Answer.ok(ProductJson.write(ProductRecords.resolve(record,
                            stock == null ? null : Json.read(stock), storeId), true));
                }
            }
        });
    }

    private void search(RoutingContext ctx, ServiceContext context, long storeId) {
        SearchRequests.withCriteria(ctx, context, criteria -> {
            try (Connection c = context.dataSource().getConnection()) {
                Map<String, String> attributeKinds = attributeKinds(c);
                boolean[] joinsCategories = {false};
                PgCriteria.Fields fields = field -> {
                    String f = field.equals("id") ? "entity_id" : field;
                    if (f.equals("entity_id")) {
                        return new PgCriteria.Field("p.magento_id", PgCriteria.Kind.NUMBER);
                    }
                    if (NUMBER_COLUMNS.contains(f)) {
                        return new PgCriteria.Field("p.record->>'" + f + "'", PgCriteria.Kind.NUMBER);
                    }
                    if (TEXT_COLUMNS.contains(f)) {
                        return new PgCriteria.Field("p.record->>'" + f + "'", PgCriteria.Kind.TEXT);
                    }
                    if (f.equals("category_id")) {
                        joinsCategories[0] = true;
                        return new PgCriteria.Field("ccp.link->>'category_id'", PgCriteria.Kind.NUMBER);
                    }
                    String kind = attributeKinds.get(f);
                    if (kind == null || !f.matches("[a-z0-9_]+")) {
                        throw CriteriaWalker.unknownField(field);
                    }
                    String scoped = storeId == 0 ? "p.record->'attributes'->>'" + f + "'"
                            : "CASE WHEN jsonb_exists(p.record->'store_attributes'->'" + storeId + "', '" + f + "') THEN "
                            + "p.record->'store_attributes'->'" + storeId + "'->>'" + f + "' ELSE "
                            + "p.record->'attributes'->>'" + f + "' END";
                    return new PgCriteria.Field(scoped, "number".equals(kind) ? PgCriteria.Kind.NUMBER
                            : PgCriteria.Kind.TEXT);
                };
                SqlWhere where = PgCriteria.where(criteria, fields);
                String order = PgCriteria.orderBy(criteria, fields, "p.magento_id", true);
                String from = " FROM products p" + (joinsCategories[0]
                        ? " LEFT JOIN LATERAL jsonb_array_elements(p.record->'category_links') AS ccp(link) ON TRUE"
                        : "") + " WHERE " + where.sql();
                long total = Sql.count(c, "SELECT COUNT(DISTINCT p.magento_id)" + from, where.params());
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT p.magento_id" + from
                        + " GROUP BY p.magento_id ORDER BY " + order + CriteriaWalker.limit(criteria, total))) {
                    Sql.bind(ps, where.params());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                List<ObjectNode> items = new ArrayList<>();
                for (JsonNode record : records(c, ids)) {
                    items.add(ProductJson.toJson(ProductRecords.resolve(record, null, storeId), false));
                }
                return Answer.ok(MagentoJson.write(SearchResultJson.toJson(items, criteria, total)));
            }
        });
    }

    private static Map<String, String> attributeKinds(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, kind FROM product_attributes");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** The records of {@code ids}, in that order. */
    private static List<JsonNode> records(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, JsonNode> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT magento_id, record FROM products WHERE magento_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getLong(1), Json.read(rs.getString(2)));
                }
            }
        }
        List<JsonNode> out = new ArrayList<>();
        ids.forEach(id -> {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        });
        return out;
    }
}
