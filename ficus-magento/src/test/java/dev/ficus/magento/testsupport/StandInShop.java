package dev.ficus.magento.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.testing.TestServers;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.fixture.SeedListener;
import dev.ficus.magento.rest.MagentoStandIn;
import dev.ficus.magento.rest.MagentoStandInConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** A seeded small shop in a fresh dev-stack database with a stand-in on a free port: one per test class. */
public final class StandInShop implements AutoCloseable {
    public static final String ADMIN_LOGIN = "{\"username\":\"admin\",\"password\":\"admin123\"}";

    public final DatabaseEndpoint database;
    public final MagentoStandIn standIn;
    public final Http http;

    private StandInShop(DatabaseEndpoint database, MagentoStandIn standIn) {
        this.database = database;
        this.standIn = standIn;
        this.http = new Http(standIn.baseUrl());
    }

    public static StandInShop start(Class<?> testClass, MagentoStandInConfig config) {
        DatabaseEndpoint db = TestServers.freshMariadbDatabase(testClass);
        MagentoSeeder.seed(db, FixtureProfile.SMALL, 1, SeedListener.NONE);
        return new StandInShop(db, MagentoStandIn.start(config, db));
    }

    public static StandInShop start(Class<?> testClass) {
        return start(testClass, MagentoStandInConfig.defaults(0));
    }

    public String adminToken() {
        Http.Response r = http.send("POST", "/rest/V1/integration/admin/token", null, ADMIN_LOGIN);
        assertThat(r.status()).isEqualTo(200);
        return r.json().asText();
    }

    public String customerToken(String email, String password) {
        Http.Response r = http.send("POST", "/rest/V1/integration/customer/token", null,
                "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(r.status()).isEqualTo(200);
        return r.json().asText();
    }

    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(database.mariadbJdbcUrl(), database.user(), database.password().reveal());
        c.createStatement().execute("SET time_zone = '+00:00'");
        return c;
    }

    public Map<String, Object> row(String sql, Object... params) throws SQLException {
        try (Connection c = connect()) {
            return dev.ficus.magento.data.Rows.one(c, sql, params);
        }
    }

    public long count(String sql, Object... params) throws SQLException {
        try (Connection c = connect()) {
            return dev.ficus.magento.data.Rows.count(c, sql, java.util.List.of(params));
        }
    }

    @Override
    public void close() {
        standIn.close();
    }
}
