package dev.ficus.magento.data;

import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.criteria.SqlWhere;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.api.json.AddressRecord;
import dev.ficus.magento.api.json.CustomerRecord;
import dev.ficus.magento.api.json.MagentoJson;
import dev.ficus.magento.auth.PasswordHash;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * customer_entity and customer_address_entity, read and written as CustomerRepository does. Every standard customer
 * and address attribute is a static column, so a save is one row per entity; updated_at is set on every save.
 */
public final class CustomerRepository {
    private static final Set<String> CUSTOMER_COLUMNS = Set.of("website_id", "email", "group_id", "store_id",
            "created_in", "prefix", "firstname", "middlename", "lastname", "suffix", "dob", "taxvat", "gender",
            "disable_auto_group_change", "confirmation");
    private static final Set<String> SEARCHABLE = Set.of("entity_id", "website_id", "email", "group_id", "store_id",
            "created_at", "updated_at", "is_active", "created_in", "prefix", "firstname", "middlename", "lastname",
            "suffix", "dob", "taxvat", "gender", "default_billing", "default_shipping", "increment_id");
    private static final List<String> ADDRESS_REQUIRED = List.of("firstname", "lastname", "street", "city",
            "country_id", "telephone");
    private static final Set<String> ADDRESS_COLUMNS = Set.of("firstname", "lastname", "middlename", "prefix",
            "suffix", "company", "city", "country_id", "postcode", "region", "region_id", "telephone", "fax", "vat_id");

    /** One page of customers and the total before paging. */
    public record Page(List<CustomerRecord> items, long totalCount) {
    }

    public CustomerRecord get(Connection c, long id) throws SQLException {
        List<CustomerRecord> found = load(c, List.of(id));
        if (found.isEmpty()) {
            throw new MagentoException(MagentoError.customerNotFound(id));
        }
        return found.get(0);
    }

    public Page search(Connection c, SearchCriteria criteria) throws SQLException {
        FieldMapper fields = field -> {
            String f = field.equals("id") ? "entity_id" : field;
            if (!SEARCHABLE.contains(f)) {
                throw CriteriaWalker.unknownField(field);
            }
            return "e." + f;
        };
        SqlWhere where = CriteriaSql.where(criteria, fields);
        String order = CriteriaSql.orderBy(criteria, fields, "e.entity_id");
        long total = Rows.count(c, "SELECT COUNT(*) FROM customer_entity e WHERE " + where.sql(), where.params());
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT e.entity_id FROM customer_entity e WHERE " + where.sql()
                + " ORDER BY " + order + CriteriaWalker.limit(criteria, total), where.params())) {
            ids.add(((Number) r.get("entity_id")).longValue());
        }
        return new Page(load(c, ids), total);
    }

    /** The customer id for a valid email/password pair of an active customer. */
    public Optional<Long> authenticate(Connection c, String email, String password) throws SQLException {
        for (Map<String, Object> r : Rows.query(c, "SELECT entity_id, password_hash, is_active FROM customer_entity"
                + " WHERE email = ? ORDER BY entity_id", email)) {
            if (MagentoJson.bool(r.get("is_active")) && PasswordHash.verify(password, (String) r.get("password_hash"))) {
                return Optional.of(((Number) r.get("entity_id")).longValue());
            }
        }
        return Optional.empty();
    }

    /** POST /V1/customers: a new customer in {@code store}'s website, with its addresses and optional password. */
    public long create(Connection c, Map<String, Object> customer, List<Map<String, Object>> addresses, String password,
                       Store store) throws SQLException {
        requireCustomerFields(customer);
        Map<String, Object> row = new LinkedHashMap<>();
        Store home = store.isAdmin() ? StoreDirectory.load(c).byId(1) : store;
        row.put("website_id", home.websiteId());
        row.put("store_id", home.id());
        row.put("group_id", 1);
        row.put("created_in", home.name());
        customer.forEach((k, v) -> {
            if (CUSTOMER_COLUMNS.contains(k)) {
                row.put(k, v);
            }
        });
        if (Rows.one(c, "SELECT entity_id FROM customer_entity WHERE email = ? AND website_id = ?",
                row.get("email"), row.get("website_id")) != null) {
            throw new MagentoException(MagentoError.badRequest(
                    "A customer with the same email address already exists in an associated website.", null));
        }
        String now = Rows.nowUtc();
        row.put("created_at", now);
        row.put("updated_at", now);
        if (password != null && !password.isEmpty()) {
            row.put("password_hash", PasswordHash.hash(password));
        }
        return inTransaction(c, () -> {
            long id = Rows.insert(c, "customer_entity", row);
            if (addresses != null) {
                replaceAddresses(c, id, addresses, now);
            }
            return id;
        });
    }

    /** PUT /V1/customers/:id: the given fields; addresses, when given, replace the customer's address list. */
    public long update(Connection c, long id, Map<String, Object> customer, List<Map<String, Object>> addresses)
            throws SQLException {
        if (Rows.one(c, "SELECT entity_id FROM customer_entity WHERE entity_id = ?", id) == null) {
            throw new MagentoException(MagentoError.customerNotFound(id));
        }
        String now = Rows.nowUtc();
        return inTransaction(c, () -> {
            List<Object> params = new ArrayList<>();
            StringBuilder set = new StringBuilder("updated_at = ?");
            params.add(now);
            for (Map.Entry<String, Object> e : customer.entrySet()) {
                if (CUSTOMER_COLUMNS.contains(e.getKey())) {
                    set.append(", ").append(e.getKey()).append(" = ?");
                    params.add(e.getValue());
                }
            }
            params.add(id);
            Rows.update(c, "UPDATE customer_entity SET " + set + " WHERE entity_id = ?", params);
            if (addresses != null) {
                replaceAddresses(c, id, addresses, now);
            }
            return id;
        });
    }

    private static void requireCustomerFields(Map<String, Object> customer) {
        List<MagentoError> errors = new ArrayList<>();
        for (String f : List.of("email", "firstname", "lastname")) {
            Object v = customer.get(f);
            if (v == null || v.toString().isBlank()) {
                errors.add(MagentoError.requiredField(f));
            }
        }
        if (!errors.isEmpty()) {
            throw new MagentoException(MagentoError.inputErrors(errors));
        }
    }

    private static void replaceAddresses(Connection c, long customerId, List<Map<String, Object>> addresses, String now)
            throws SQLException {
        Set<Long> keep = new HashSet<>();
        Long defaultBilling = null;
        Long defaultShipping = null;
        for (Map<String, Object> a : addresses) {
            List<MagentoError> errors = new ArrayList<>();
            for (String f : ADDRESS_REQUIRED) {
                Object v = a.get(f);
                if (v == null || v.toString().isBlank()) {
                    errors.add(MagentoError.requiredField(f));
                }
            }
            if (!errors.isEmpty()) {
                throw new MagentoException(MagentoError.inputErrors(errors));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            a.forEach((k, v) -> {
                if (ADDRESS_COLUMNS.contains(k)) {
                    row.put(k, v);
                }
            });
            row.put("street", a.get("street"));
            Long addressId = MagentoJson.integer(a.get("id"));
            boolean exists = addressId != null && Rows.one(c, "SELECT entity_id FROM customer_address_entity"
                    + " WHERE entity_id = ? AND parent_id = ?", addressId, customerId) != null;
            if (exists) {
                List<Object> params = new ArrayList<>(row.values());
                params.add(now);
                params.add(addressId);
                Rows.update(c, "UPDATE customer_address_entity SET " + String.join(" = ?, ", row.keySet())
                        + " = ?, updated_at = ? WHERE entity_id = ?", params);
            } else {
                row.put("parent_id", customerId);
                row.put("created_at", now);
                row.put("updated_at", now);
                addressId = Rows.insert(c, "customer_address_entity", row);
            }
            keep.add(addressId);
            if (MagentoJson.bool(a.get("default_billing"))) {
                defaultBilling = addressId;
            }
            if (MagentoJson.bool(a.get("default_shipping"))) {
                defaultShipping = addressId;
            }
        }
        List<Object> params = new ArrayList<>();
        params.add(customerId);
        String notIn = "";
        if (!keep.isEmpty()) {
            notIn = " AND entity_id NOT IN (" + Rows.placeholders(keep.size()) + ")";
            params.addAll(keep);
        }
        Rows.update(c, "DELETE FROM customer_address_entity WHERE parent_id = ?" + notIn, params);
        Rows.update(c, "UPDATE customer_entity SET default_billing = ?, default_shipping = ? WHERE entity_id = ?",
                defaultBilling, defaultShipping, customerId);
    }

    private List<CustomerRecord> load(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = Rows.placeholders(ids.size());
        Map<Long, List<Map<String, Object>>> addresses = new HashMap<>();
        for (Map<String, Object> a : Rows.query(c, "SELECT * FROM customer_address_entity WHERE parent_id IN (" + in
                + ") ORDER BY entity_id", ids)) {
            addresses.computeIfAbsent(((Number) a.get("parent_id")).longValue(), k -> new ArrayList<>()).add(a);
        }
        Map<Long, CustomerRecord> byId = new HashMap<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT * FROM customer_entity WHERE entity_id IN (" + in + ")", ids)) {
            long id = ((Number) r.get("entity_id")).longValue();
            Long billing = MagentoJson.integer(r.get("default_billing"));
            Long shipping = MagentoJson.integer(r.get("default_shipping"));
            List<AddressRecord> list = new ArrayList<>();
            for (Map<String, Object> a : addresses.getOrDefault(id, List.of())) {
                long aid = ((Number) a.get("entity_id")).longValue();
                list.add(AddressRecord.fromColumns(a, shipping != null && shipping == aid, billing != null && billing == aid));
            }
            byId.put(id, CustomerRecord.fromColumns(r, list));
        }
        List<CustomerRecord> out = new ArrayList<>();
        for (Long id : ids) {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        }
        return out;
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
