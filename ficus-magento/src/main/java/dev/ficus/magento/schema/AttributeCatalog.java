package dev.ficus.magento.schema;

import dev.ficus.magento.api.store.AttributeScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The product attributes of one install, looked up by code. Attribute ids are auto-increment values that differ
 * between installs, so every consumer resolves them here instead of hard-coding them.
 */
public final class AttributeCatalog {
    public static final int PRODUCT_ENTITY_TYPE_ID = 4;

    private final Map<String, ProductAttribute> byCode;

    private AttributeCatalog(Map<String, ProductAttribute> byCode) {
        this.byCode = byCode;
    }

    public static AttributeCatalog load(Connection c) throws SQLException {
        Map<String, ProductAttribute> out = new LinkedHashMap<>();
        String sql = "SELECT a.attribute_id, a.attribute_code, a.backend_type, a.is_required, a.frontend_input,"
                + " a.is_user_defined, COALESCE(c.is_global, 1) AS is_global"
                + " FROM eav_attribute a LEFT JOIN catalog_eav_attribute c ON c.attribute_id = a.attribute_id"
                + " WHERE a.entity_type_id = " + PRODUCT_ENTITY_TYPE_ID + " ORDER BY a.attribute_id";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ProductAttribute a = new ProductAttribute(rs.getInt("attribute_id"), rs.getString("attribute_code"),
                        rs.getString("backend_type"), AttributeScope.fromIsGlobal(rs.getInt("is_global")),
                        rs.getInt("is_required") == 1, rs.getString("frontend_input"), rs.getInt("is_user_defined") == 1);
                out.put(a.code(), a);
            }
        }
        return new AttributeCatalog(out);
    }

    public Optional<ProductAttribute> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public ProductAttribute require(String code) {
        ProductAttribute a = byCode.get(code);
        if (a == null) {
            throw new IllegalStateException("product attribute '" + code + "' is not installed");
        }
        return a;
    }

    public int id(String code) {
        return require(code).id();
    }

    public Collection<ProductAttribute> all() {
        return byCode.values();
    }
}
