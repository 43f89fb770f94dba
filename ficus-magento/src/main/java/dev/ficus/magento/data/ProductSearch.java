package dev.ficus.magento.data;

import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.criteria.SqlWhere;
import dev.ficus.magento.api.json.ProductRecord;
import dev.ficus.magento.api.store.PriceScope;
import dev.ficus.magento.api.store.StoreViewOverlay;
import dev.ficus.magento.schema.AttributeCatalog;
import dev.ficus.magento.schema.ProductAttribute;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET /V1/products: filters and sorts on entity columns and on EAV attributes resolved for the store view (the
 * store row where one exists, else the default row, as Magento's collection joins do), plus category_id.
 */
public final class ProductSearch {
    private static final Set<String> ENTITY_COLUMNS = Set.of("entity_id", "sku", "type_id", "attribute_set_id",
            "created_at", "updated_at", "has_options", "required_options");

    /** One page of matches and the total before paging. */
    public record Page(List<ProductRecord> items, long totalCount) {
    }

    private final AttributeCache attributes;
    private final ProductReader reader;

    public ProductSearch(AttributeCache attributes, ProductReader reader) {
        this.attributes = attributes;
        this.reader = reader;
    }

    public Page search(Connection c, SearchCriteria criteria, Store store) throws SQLException {
        AttributeCatalog catalog = attributes.catalog(c);
        PriceScope priceScope = PriceScope.ofShop(c);
        Map<String, String> joins = new LinkedHashMap<>();
        List<Object> joinParams = new ArrayList<>();
        FieldMapper fields = field -> {
            String f = field.equals("id") ? "entity_id" : field;
            if (ENTITY_COLUMNS.contains(f)) {
                return "e." + f;
            }
            if (f.equals("category_id")) {
                joins.computeIfAbsent(f, k -> " LEFT JOIN catalog_category_product ccp ON ccp.product_id = e.entity_id");
                return "ccp.category_id";
            }
            ProductAttribute a = catalog.find(f).orElseThrow(() -> CriteriaWalker.unknownField(field));
            if (a.isStatic()) {
                throw CriteriaWalker.unknownField(field);
            }
            String alias = "a" + a.id();
            if (!joins.containsKey(f)) {
                String table = a.valueTable();
                StringBuilder join = new StringBuilder(" LEFT JOIN " + table + " " + alias + "_d ON " + alias
                        + "_d.entity_id = e.entity_id AND " + alias + "_d.attribute_id = " + a.id() + " AND " + alias + "_d.store_id = 0");
                boolean scoped = store.id() != 0 && StoreViewOverlay.storeValuesCount(a.effectiveScope(priceScope));
                if (scoped) {
                    join.append(" LEFT JOIN ").append(table).append(' ').append(alias).append("_s ON ").append(alias)
                            .append("_s.entity_id = e.entity_id AND ").append(alias).append("_s.attribute_id = ")
                            .append(a.id()).append(" AND ").append(alias).append("_s.store_id = ?");
                    joinParams.add(store.id());
                }
                joins.put(f, join.toString());
            }
            boolean scoped = joins.get(f).contains(alias + "_s");
            return scoped ? "IF(" + alias + "_s.value_id IS NOT NULL, " + alias + "_s.value, " + alias + "_d.value)"
                    : alias + "_d.value";
        };
        SqlWhere where = CriteriaSql.where(criteria, fields);
        String order = CriteriaSql.orderBy(criteria, fields, "e.entity_id");
        String from = " FROM catalog_product_entity e" + String.join("", joins.values()) + " WHERE " + where.sql();
        List<Object> params = new ArrayList<>(joinParams);
        params.addAll(where.params());
        long total = Rows.count(c, "SELECT COUNT(DISTINCT e.entity_id)" + from, params);
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT e.entity_id" + from + " GROUP BY e.entity_id ORDER BY "
                + aggregateOrder(order) + CriteriaWalker.limit(criteria, total), params)) {
            ids.add(ProductReader.num(r.get("entity_id")));
        }
        return new Page(reader.load(c, ids, store, false), total);
    }

    /** With GROUP BY entity_id (a category join can repeat a product), sort on MIN() of each joined expression. */
    private static String aggregateOrder(String order) {
        List<String> parts = new ArrayList<>();
        for (String part : order.split(", (?![^()]*\\))")) {
            int space = part.lastIndexOf(' ');
            String expr = part.substring(0, space);
            parts.add((expr.equals("e.entity_id") ? expr : "MIN(" + expr + ")") + part.substring(space));
        }
        return String.join(", ", parts);
    }
}
