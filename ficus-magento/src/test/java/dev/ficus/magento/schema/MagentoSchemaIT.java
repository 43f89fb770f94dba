package dev.ficus.magento.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.testing.TestServers;
import dev.ficus.testing.LocalMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagentoSchemaIT {

    @Test
    void loadsOnTheDevStacksMariaDb() throws SQLException {
        DatabaseEndpoint db = TestServers.freshMariadbDatabase(MagentoSchemaIT.class);
        try (Connection c = DriverManager.getConnection(db.mariadbJdbcUrl(), db.user(), db.password().reveal())) {
            MagentoSchema.install(c);
            assertInstalled(c);
        }
    }

    @Test
    void loadsOnTheMachinesMariaDb1011() throws SQLException {
        assumeTrue(LocalMariaDb.available(), "no MariaDB on 127.0.0.1:" + LocalMariaDb.PORT);
        DatabaseEndpoint db = LocalMariaDb.freshDatabase("schema");
        try (Connection c = DriverManager.getConnection(db.mariadbJdbcUrl(), db.user(), db.password().reveal())) {
            assertThat(single(c.createStatement(), "SELECT VERSION()")).startsWith("10.11");
            MagentoSchema.install(c);
            assertInstalled(c);
        } finally {
            LocalMariaDb.drop(db);
        }
    }

    static void assertInstalled(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SHOW TABLES")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).containsExactlyInAnyOrderElementsOf(MagentoSchema.TABLES);
            assertThat(single(st, "SELECT GROUP_CONCAT(CONCAT(store_id, ':', code) ORDER BY store_id) FROM store"))
                    .isEqualTo("0:admin,1:default");
            assertThat(single(st, "SELECT GROUP_CONCAT(CONCAT(website_id, ':', code) ORDER BY website_id) FROM store_website"))
                    .isEqualTo("0:admin,1:base");
            assertThat(single(st, "SELECT GROUP_CONCAT(entity_type_code ORDER BY entity_type_id) FROM eav_entity_type"
                    + " WHERE entity_type_id <= 4")).isEqualTo("customer,customer_address,catalog_category,catalog_product");
            // scopes and backend types that the EAV flattening depends on
            assertThat(single(st, "SELECT CONCAT(a.backend_type, '/', c.is_global) FROM eav_attribute a"
                    + " JOIN catalog_eav_attribute c USING (attribute_id) WHERE a.entity_type_id = 4 AND a.attribute_code = 'price'"))
                    .isEqualTo("decimal/2");
            assertThat(single(st, "SELECT CONCAT(a.backend_type, '/', c.is_global) FROM eav_attribute a"
                    + " JOIN catalog_eav_attribute c USING (attribute_id) WHERE a.entity_type_id = 4 AND a.attribute_code = 'name'"))
                    .isEqualTo("varchar/0");
            assertThat(single(st, "SELECT backend_type FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'sku'"))
                    .isEqualTo("static");
            // ids are not small, convenient numbers a consumer could hard-code
            assertThat(Integer.parseInt(single(st, "SELECT attribute_id FROM eav_attribute"
                    + " WHERE entity_type_id = 4 AND attribute_code = 'name'"))).isGreaterThan(4);
            // the natural key of a value row is unique; sku is indexed but not unique, as in Magento
            assertThat(single(st, "SELECT NON_UNIQUE FROM information_schema.statistics WHERE table_schema = DATABASE()"
                    + " AND table_name = 'catalog_product_entity_varchar' AND index_name ="
                    + " 'CATALOG_PRODUCT_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID_STORE_ID' LIMIT 1")).isEqualTo("0");
            assertThat(single(st, "SELECT NON_UNIQUE FROM information_schema.statistics WHERE table_schema = DATABASE()"
                    + " AND table_name = 'catalog_product_entity' AND index_name = 'CATALOG_PRODUCT_ENTITY_SKU'")).isEqualTo("1");
            // every table has a primary key (the sync and the preflight need one)
            assertThat(single(st, "SELECT COUNT(*) FROM information_schema.tables t WHERE t.table_schema = DATABASE()"
                    + " AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints k WHERE k.table_schema = t.table_schema"
                    + " AND k.table_name = t.table_name AND k.constraint_type = 'PRIMARY KEY')")).isEqualTo("0");
            // session settings are restored after the install
            assertThat(single(st, "SELECT @@SESSION.foreign_key_checks")).isEqualTo("1");
        }
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
