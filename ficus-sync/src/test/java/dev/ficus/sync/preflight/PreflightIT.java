package dev.ficus.sync.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.Secret;
import dev.ficus.testing.TestServers;
import dev.ficus.magento.schema.MagentoSchema;
import dev.ficus.testing.LocalMariaDb;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PreflightIT {
    private static final List<String> TRACKED = List.of("catalog_product_entity", "catalog_product_entity_varchar",
            "catalog_product_entity_int", "catalog_product_entity_decimal", "catalog_product_entity_text",
            "catalog_product_entity_datetime", "catalog_product_website", "catalog_category_product", "eav_attribute",
            "customer_entity", "customer_address_entity", "sales_order", "sales_order_item", "sales_order_address",
            "cataloginventory_stock_item");
    private static final int SYNC_SERVER_ID = 5701;

    private static DatabaseEndpoint shop;

    @BeforeAll
    static void installSchema() throws SQLException {
        shop = TestServers.freshMariadbDatabase(PreflightIT.class);
        try (Connection c = connect(shop)) {
            MagentoSchema.install(c);
        }
    }

    @Test
    void passesOnTheDevStack() {
        PreflightReport report = Preflight.run(settings(shop, SYNC_SERVER_ID, TRACKED));
        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.flavor()).isEqualTo(ServerFlavor.MARIADB);
        assertThat(report.check("connector").status()).isEqualTo(CheckStatus.PASS);
        assertThat(report.check("log_bin").status()).isEqualTo(CheckStatus.PASS);
        assertThat(report.check("binlog_retention").detail()).contains("7d");
        assertThat(report.check("table sales_order").detail()).isEqualTo("primary key (entity_id)");
        assertThat(report.check("table catalog_product_website").detail()).isEqualTo("primary key (product_id, website_id)");
        assertThat(report.toTable()).contains("All checks passed.");
        assertThat(report.toJson().get("passed").asBoolean()).isTrue();
    }

    @Test
    void failsWithTheBinlogRowsOnAServerWithBinlogOff() throws SQLException {
        assumeTrue(LocalMariaDb.available(), "no MariaDB on 127.0.0.1:" + LocalMariaDb.PORT);
        DatabaseEndpoint local = LocalMariaDb.freshDatabase("preflight");
        try {
            try (Connection c = connect(local)) {
                MagentoSchema.install(c);
            }
            PreflightReport report = Preflight.run(settings(local, SYNC_SERVER_ID, TRACKED));
            assertThat(report.passed()).isFalse();
            assertThat(report.flavor()).isEqualTo(ServerFlavor.MARIADB);
            CheckResult logBin = report.check("log_bin");
            assertThat(logBin.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(logBin.fix()).contains("log_bin = mariadb-bin");
            assertThat(report.check("server").detail()).contains("10.11");
            // the grants and tables of that server are fine: only binlog rows fail
            assertThat(report.failures()).extracting(CheckResult::check)
                    .allMatch(name -> name.startsWith("log_bin") || name.startsWith("binlog_"));
            String table = report.toTable();
            assertThat(table).contains("log_bin").contains("FAIL").contains("Fixes:");
            assertThat(report.toJson().get("passed").asBoolean()).isFalse();

            PreflightReport clash = Preflight.run(settings(local, 1, TRACKED));
            assertThat(clash.check("server_id").status()).isEqualTo(CheckStatus.FAIL);
            assertThat(clash.check("server_id").fix()).contains("sync.server_id");
        } finally {
            LocalMariaDb.drop(local);
        }
    }

    @Test
    void failsWithTheGrantRowForAUserLackingAGrant() throws SQLException {
        String user = "ficus_norld_" + UUID.randomUUID().toString().substring(0, 6);
        String password = "pw-" + UUID.randomUUID();
        try (Connection c = connect(shop); Statement st = c.createStatement()) {
            st.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            st.execute("GRANT SELECT ON `" + shop.database() + "`.* TO '" + user + "'@'%'");
            st.execute("GRANT SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO '" + user + "'@'%'");
        }
        DatabaseEndpoint asUser = shop.withLogin(user, Secret.of(password));
        PreflightReport report = Preflight.run(settings(asUser, SYNC_SERVER_ID, TRACKED));
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).extracting(CheckResult::check).containsExactly("grant RELOAD");
        assertThat(report.check("grant RELOAD").fix()).isEqualTo("GRANT RELOAD ON *.* TO '" + user + "'@'%';");
        assertThat(report.check("grant SELECT").detail()).isEqualTo("on " + shop.database() + ".*");
        assertThat(report.check("grant BINLOG MONITOR").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void failsForAMissingTableOrOneWithoutPrimaryKey() throws SQLException {
        try (Connection c = connect(shop); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS no_pk_log (id int, note varchar(20))");
        }
        PreflightReport report = Preflight.run(settings(shop, SYNC_SERVER_ID, List.of("sales_order", "no_pk_log", "no_such_table")));
        assertThat(report.failures()).extracting(CheckResult::check).containsExactly("table no_pk_log", "table no_such_table");
        assertThat(report.check("table no_pk_log").detail()).isEqualTo("has no primary key");
        assertThat(report.check("table no_such_table").detail()).startsWith("missing from");
    }

    @Test
    void reportsAServerItCannotReachAsOneFailedRow() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DatabaseEndpoint nowhere = new DatabaseEndpoint("127.0.0.1", closedPort, "root", Secret.empty(), "magento");
        PreflightReport report = Preflight.run(settings(nowhere, SYNC_SERVER_ID, TRACKED));
        assertThat(report.checks()).extracting(CheckResult::check).containsExactly("connect");
        assertThat(report.passed()).isFalse();
    }

    private static PreflightSettings settings(DatabaseEndpoint db, int serverId, List<String> tables) {
        return new PreflightSettings(db, serverId, tables, Duration.ofDays(3), Optional.of(ServerFlavor.MARIADB));
    }

    private static Connection connect(DatabaseEndpoint db) throws SQLException {
        return DriverManager.getConnection(db.mariadbJdbcUrl(), db.user(), db.password().reveal());
    }
}
