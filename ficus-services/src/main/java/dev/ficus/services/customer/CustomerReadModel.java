package dev.ficus.services.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.events.Domain;
import dev.ficus.events.EntityType;
import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchResultJson;
import dev.ficus.magento.api.criteria.SqlWhere;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.json.AddressRecord;
import dev.ficus.magento.api.json.CustomerJson;
import dev.ficus.magento.api.json.CustomerRecord;
import dev.ficus.magento.api.json.MagentoJson;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The customer service: {@code GET /rest/V1/customers/:id} with addresses, {@code /rest/V1/customers/me} for the
 * caller the gateway identified, and {@code /rest/V1/customers/search}.
 *
 * <p>{@code /me} trusts the identity header ({@code services.customer.identity_header}, default
 * {@code X-Ficus-Customer-Id}) that the gateway sets after Magento accepted the caller's customer token. Anyone who
 * can reach the service directly could set it too, so the service must be reachable only through the gateway.
 */
public final class CustomerReadModel implements ReadModel {
    private static final Set<String> NUMBER_FIELDS = Set.of("website_id", "group_id", "store_id", "is_active",
            "gender", "default_billing", "default_shipping");
    private static final Set<String> TEXT_FIELDS = Set.of("email", "created_at", "updated_at", "created_in", "prefix",
            "firstname", "middlename", "lastname", "suffix", "dob", "taxvat", "increment_id");

    /** Customers, their addresses inside the record. */
    static final EntityTable CUSTOMERS = new EntityTable("customers", EntityType.CUSTOMER, "magento_id",
            List.of(EntityTable.Column.platformId("id"), EntityTable.Column.text("email"),
                    EntityTable.Column.whole("website_id"), EntityTable.Column.time("created_at"),
                    EntityTable.Column.time("updated_at")),
            record -> CustomerJson.write(customer(record)), 1);

    private final String identityHeader;

    public CustomerReadModel(String identityHeader) {
        this.identityHeader = identityHeader;
    }

    @Override
    public String name() {
        return Domain.CUSTOMER.id();
    }

    @Override
    public List<String> topics() {
        return Domain.CUSTOMER.topics();
    }

    @Override
    public ReadModelWriter writer() {
        return CUSTOMERS.writer();
    }

    @Override
    public void mount(Router router, ServiceContext context) {
        // customers are global: a store code in the path only has to be one
        context.routes().get("customers/search", (ctx, request) -> search(ctx, context));
        context.routes().get("customers/me", (ctx, request) -> {
            OptionalLong id = vouchedCustomerId(ctx.request().getHeader(identityHeader));
            if (id.isEmpty()) {
                ServiceContext.send(ctx, MagentoErrors.answer(MagentoError.notAuthorized("self")));
                return;
            }
            customer(ctx, context, id.getAsLong());
        });
        context.routes().get("customers/:id", (ctx, request) ->
                PathNumbers.read(ctx, request.param("id")).ifPresent(id -> customer(ctx, context, id)));
    }

    /** The id the gateway vouches for; a header that names no possible customer leaves the caller unidentified. */
    private static OptionalLong vouchedCustomerId(String header) {
        if (header == null || !header.matches("\\d{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(header));
    }

    private static void customer(RoutingContext ctx, ServiceContext context, long id) {
        context.answer(ctx, () -> {
            try (Connection c = context.dataSource().getConnection()) {
                return CUSTOMERS.answer(c, "magento_id = ?", List.of(id), "").map(Answer::ok)
                        .orElseGet(() -> MagentoErrors.answer(MagentoError.customerNotFound(id)));
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
                if (NUMBER_FIELDS.contains(f)) {
                    return new PgCriteria.Field("record->>'" + f + "'", PgCriteria.Kind.NUMBER);
                }
                if (TEXT_FIELDS.contains(f)) {
                    return new PgCriteria.Field("record->>'" + f + "'", PgCriteria.Kind.TEXT);
                }
                throw CriteriaWalker.unknownField(field);
            };
            SqlWhere where = PgCriteria.where(criteria, fields);
            String order = PgCriteria.orderBy(criteria, fields, "magento_id", false);
            try (Connection c = context.dataSource().getConnection()) {
                long total = Sql.count(c, "SELECT COUNT(*) FROM customers WHERE " + where.sql(), where.params());
                List<String> items = CUSTOMERS.items(c, where.sql(), where.params(),
                        " ORDER BY " + order + CriteriaWalker.limit(criteria, total));
                return Answer.ok(SearchResultJson.write(items, criteria, total));
            }
        });
    }

    @Override
    public void prepare(DataSource dataSource) throws SQLException {
        CUSTOMERS.renderStale(dataSource);
    }

    /** The stand-in's customer from the sync's record: addresses in id order, flagged as default where they are. */
    static CustomerRecord customer(JsonNode record) {
        Long billing = MagentoJson.integer(Records.columns(record).get("default_billing"));
        Long shipping = MagentoJson.integer(Records.columns(record).get("default_shipping"));
        List<AddressRecord> addresses = new ArrayList<>();
        for (Map<String, Object> a : Records.rows(record.get("addresses"))) {
            long id = MagentoJson.integer(a.get("entity_id"));
            addresses.add(AddressRecord.fromColumns(a, shipping != null && shipping == id,
                    billing != null && billing == id));
        }
        return CustomerRecord.fromColumns(Records.columns(record, "addresses"), addresses);
    }
}
