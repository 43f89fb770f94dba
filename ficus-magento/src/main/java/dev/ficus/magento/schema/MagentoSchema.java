package dev.ficus.magento.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Magento Open Source 2.4's tables that Ficus reads, with the rows of a fresh install, from the classpath resource
 * {@value #RESOURCE}. Installing into a database that already holds these tables fails on the first CREATE TABLE:
 * the caller gives it an empty database.
 */
public final class MagentoSchema {
    public static final String RESOURCE = "/dev/ficus/magento/schema/magento-2.4.sql";

    /** Every table the DDL creates, in creation order. */
    public static final List<String> TABLES = List.of(
            "store_website", "store_group", "store", "core_config_data",
            "eav_entity_type", "eav_attribute", "eav_attribute_set", "eav_attribute_option", "eav_attribute_option_value",
            "catalog_eav_attribute", "catalog_category_entity",
            "catalog_product_entity", "catalog_product_entity_datetime", "catalog_product_entity_decimal",
            "catalog_product_entity_int", "catalog_product_entity_text", "catalog_product_entity_varchar",
            "catalog_product_website", "catalog_category_product",
            "catalog_product_relation", "catalog_product_super_attribute",
            "catalog_product_super_attribute_label", "catalog_product_super_link",
            "cataloginventory_stock", "cataloginventory_stock_item",
            "customer_entity", "customer_address_entity",
            "sales_order", "sales_order_item", "sales_order_address", "sales_order_payment");

    private MagentoSchema() {
    }

    public static void install(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            install(c);
        }
    }

    /** Runs the DDL and seed statements on this connection (its current database), leaving the session as it found it. */
    public static void install(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET @ficus_saved_sql_mode = @@SESSION.sql_mode, @ficus_saved_time_zone = @@SESSION.time_zone");
            try {
                for (String sql : statements()) {
                    st.execute(sql);
                }
            } finally {
                st.execute("SET SESSION sql_mode = @ficus_saved_sql_mode, time_zone = @ficus_saved_time_zone,"
                        + " foreign_key_checks = 1");
            }
        }
    }

    /** The statements of the resource, comments removed, each without its closing semicolon. */
    public static List<String> statements() {
        return statements(resourceText(), RESOURCE);
    }

    /**
     * The statements of an SQL script written as the schema resource is (whole-line {@code --} comments, each
     * statement ending with {@code ;} at a line end), comments removed, each without its closing semicolon.
     */
    public static List<String> statements(String script, String name) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(name + " ends with an unterminated statement: " + current);
        }
        return out;
    }

    private static String resourceText() {
        try (InputStream in = MagentoSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
