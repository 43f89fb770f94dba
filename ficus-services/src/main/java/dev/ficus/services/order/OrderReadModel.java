package dev.ficus.services.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.Domain;
import dev.ficus.events.EntityType;
import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchResultJson;
import dev.ficus.magento.api.criteria.SqlWhere;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.json.MagentoJson;
import dev.ficus.magento.api.json.OrderJson;
import dev.ficus.services.runtime.Answer;
import dev.ficus.services.runtime.EntityTable;
import dev.ficus.services.runtime.MagentoErrors;
import dev.ficus.services.runtime.PathNumbers;
import dev.ficus.services.runtime.PgCriteria;
import dev.ficus.services.runtime.ReadModel;
import dev.ficus.services.runtime.ReadModelWriter;
import dev.ficus.services.runtime.Records;
import dev.ficus.services.runtime.SearchRequests;
import dev.ficus.services.runtime.ServiceContext;
import dev.ficus.services.runtime.Sql;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The order service: {@code GET /rest/V1/orders/:id} (the order's entity_id) with items and addresses, and
 * {@code GET /rest/V1/orders} with searchCriteria over sales_order's columns.
 */
public final class OrderReadModel implements ReadModel {
    /** sales_order's text columns (Magento 2.4's db_schema.xml); every other column of the record is a number. */
    private static final Set<String> TEXT_FIELDS = Set.of("state", "status", "coupon_code", "protect_code",
            "shipping_description", "increment_id", "applied_rule_ids", "base_currency_code", "customer_email",
            "customer_firstname", "customer_lastname", "customer_middlename", "customer_prefix", "customer_suffix",
            "customer_taxvat", "discount_description", "ext_customer_id", "ext_order_id", "global_currency_code",
            "hold_before_state", "hold_before_status", "order_currency_code", "original_increment_id", "remote_ip",
            "store_currency_code", "store_name", "x_forwarded_for", "customer_note", "created_at", "updated_at",
            "customer_dob", "shipping_method", "coupon_rule_name", "relation_child_id", "relation_child_real_id",
            "relation_parent_id", "relation_parent_real_id");

    /** Orders, their items, addresses and payment inside the record. */
    static final EntityTable ORDERS = new EntityTable("orders", EntityType.ORDER, "magento_id",
            List.of(EntityTable.Column.platformId("id"), EntityTable.Column.text("increment_id"),
                    EntityTable.Column.whole("customer_id"), EntityTable.Column.whole("store_id"),
                    EntityTable.Column.time("created_at"), EntityTable.Column.time("updated_at")),
            record -> MagentoJson.write(order(record)), 1);

    @Override
    public String name() {
        return Domain.ORDER.id();
    }

    @Override
    public List<String> topics() {
        return Domain.ORDER.topics();
    }

    @Override
    public ReadModelWriter writer() {
        return ORDERS.writer();
    }

    @Override
    public void mount(Router router, ServiceContext context) {
        // an order is read by its id whatever the store code in the path, as in Magento
        context.routes().get("orders", (ctx, request) -> search(ctx, context));
        context.routes().get("orders/:id", (ctx, request) ->
                PathNumbers.read(ctx, request.param("id")).ifPresent(id -> order(ctx, context, id)));
    }

    private static void order(RoutingContext ctx, ServiceContext context, long id) {
        context.answer(ctx, () -> {
            try (Connection c = context.dataSource().getConnection()) {
                return ORDERS.answer(c, "magento_id = ?", List.of(id), "").map(Answer::ok)
                        .orElseGet(() -> MagentoErrors.answer(MagentoError.orderNotFound()));
            }
        });
    }

    private static void search(RoutingContext ctx, ServiceContext context) {
        SearchRequests.withCriteria(ctx, context, criteria -> {
            PgCriteria.Fields fields = field -> {
                String f = field.equals("id") ? "entity_id" : field;
                if (f.equals("entity_id")) {
                    return new PgCriteria.Field("magento_id", PgCriteria.Kind.NUMBER);
                }
                if (!f.matches("[a-z0-9_]+") || f.equals("items") || f.equals("addresses") || f.equals("payment")) {
                    throw CriteriaWalker.unknownField(field);
                }
                if (TEXT_FIELDS.contains(f)) {
                    return new PgCriteria.Field("record->>'" + f + "'", PgCriteria.Kind.TEXT);
                }
                // a text column this list does not know (an extension's) must not fail the numeric reading: the
                // sync writes numbers as JSON numbers, so any other value compares as unknown
                return new PgCriteria.Field("CASE WHEN jsonb_typeof(record->'" + f + "') = 'number' THEN record->>'"
                        + f + "' END", PgCriteria.Kind.NUMBER);
            };
            SqlWhere where = PgCriteria.where(criteria, fields);
            String order = PgCriteria.orderBy(criteria, fields, "magento_id", false);
            try (Connection c = context.dataSource().getConnection()) {
                long total = Sql.count(c, "SELECT COUNT(*) FROM orders WHERE " + where.sql(), where.params());
                List<String> items = ORDERS.items(c, where.sql(), where.params(),
                        " ORDER BY " + order + CriteriaWalker.limit(criteria, total));
                return Answer.ok(SearchResultJson.write(items, criteria, total));
            }
        });
    }

    @Override
    public void prepare(DataSource dataSource) throws SQLException {
        ORDERS.renderStale(dataSource);
    }

    /** The stand-in's order JSON from the sync's record (sales_order columns, items, addresses, payment). */
    static ObjectNode order(JsonNode record) {
        Map<String, Object> order = Records.columns(record, "items", "addresses", "payment");
        JsonNode payment = record.get("payment");
        return OrderJson.toJson(order, Records.rows(record.get("items")), Records.rows(record.get("addresses")),
                payment == null || payment.isNull() ? null : Records.columns(payment));
    }
}
