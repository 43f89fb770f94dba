package dev.ficus.services.catalog;

import dev.ficus.events.Domain;
import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchResultJson;
import dev.ficus.magento.api.criteria.SqlWhere;
import dev.ficus.magento.api.error.MagentoError;
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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The catalog service: {@code GET /rest[/<store>]/V1/products/:sku} with the store view's values, website ids,
 * category links and stock item, and {@code GET /rest[/<store>]/V1/products} with searchCriteria. A product is
 * answered with the bytes stored when its events were applied ({@code product_answers}, see {@link ProductAnswers}),
 * kept in memory after the first read for as long as no change of them is announced ({@link AnswerCache}); a search
 * finds its products in {@code products} and answers with their stored items.
 */
public final class CatalogReadModel implements ReadModel {
    private static final Set<String> NUMBER_COLUMNS = Set.of("attribute_set_id", "has_options", "required_options");
    private static final Set<String> TEXT_COLUMNS = Set.of("sku", "type_id", "created_at", "updated_at");
    /**
     * The stored answer for a SKU in a store view: of the products with that SKU (case-insensitively) the lowest id,
     * and of its answers the store view's own before the shared one of store 0.
     */
    private static final String PRODUCT_ANSWER = "SELECT answer, sku_key FROM product_answers "
            + "WHERE sku_key = lower(?) AND store_id IN (0, ?) ORDER BY product_id, store_id DESC LIMIT 1";

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

    /** Stored answers already read, up to this many bytes: a shop's hot products, not necessarily all of them. */
    static final long CACHE_BYTES = 64L << 20;

    private final AnswerCache cache = new AnswerCache(CACHE_BYTES);
    private AnswerListener listener;

    @Override
    public void mount(Router router, ServiceContext context) {
        listener = new AnswerListener(context.dataSource(), cache, "ficus-catalog-answers");
        listener.start();
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
        byte[] cached = cache.get(sku, storeId);
        if (cached != null) {
            ServiceContext.send(ctx, Answer.ok(cached));
            return;
        }
        context.answer(ctx, () -> {
            long generation = cache.generation();
            try (Connection c = context.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement(PRODUCT_ANSWER)) {
                ps.setString(1, sku);
                ps.setLong(2, storeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return MagentoErrors.answer(MagentoError.productNotFound());
                    }
                    byte[] answer = rs.getBytes(1);
                    cache.put(sku, storeId, rs.getString(2), answer, generation);
                    return Answer.ok(answer);
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
                return Answer.ok(SearchResultJson.write(items(c, ids, storeId), criteria, total));
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

    /** The stored search result items of {@code ids} in the store view, in that order. */
    private static List<String> items(Connection c, List<Long> ids, long storeId) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> byId = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (product_id) product_id, item "
                + "FROM product_answers WHERE product_id = ANY(?) AND store_id IN (0, ?) "
                + "ORDER BY product_id, store_id DESC")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.setLong(2, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getLong(1), new String(rs.getBytes(2), StandardCharsets.UTF_8));
                }
            }
        }
        List<String> out = new ArrayList<>();
        ids.forEach(id -> {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        });
        return out;
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }

    /** Renders the answers of products stored before their answers were, or by an older renderer. */
    @Override
    public void prepare(DataSource dataSource) throws SQLException {
        ProductAnswerStore.renderStale(dataSource);
    }
}
