package dev.ficus.sync;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.testing.TestServers;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.fixture.SeedListener;
import dev.ficus.magento.schema.MagentoSchema;
import dev.ficus.sync.config.SyncConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Magento database (the stand-in's schema, optionally seeded) and a platform database of one test class's own, on
 * the shared test servers, plus the configuration records a {@link SyncService} needs to run against them.
 */
final class TestShop {
    final DatabaseEndpoint magento;
    final DatabaseEndpoint platform;
    final RedisEndpoint redis;
    /** Offsets store of the syncs this shop starts: file (default), redis or jdbc. */
    String offsetStore = "file";
    /** Ports the syncs reach the servers on: the servers' own, or a relay's in outage tests. */
    int magentoPort;
    int postgresPort;
    int redisPort;

    private TestShop(DatabaseEndpoint magento, DatabaseEndpoint platform, RedisEndpoint redis) {
        this.magento = magento;
        this.platform = platform;
        this.redis = redis;
        this.magentoPort = magento.port();
        this.postgresPort = platform.port();
        this.redisPort = redis.port();
    }

    static TestShop create(Class<?> testClass, FixtureProfile seed) throws SQLException {
        DatabaseEndpoint magento = TestServers.freshMariadbDatabase(testClass);
        if (seed != null) {
            MagentoSeeder.seed(magento, seed, 42, SeedListener.NONE);
        } else {
            try (Connection c = connect(magento)) {
                MagentoSchema.install(c);
            }
        }
        return new TestShop(magento, TestServers.freshPostgresDatabase(testClass), TestServers.redis());
    }

    static Connection connect(DatabaseEndpoint db) throws SQLException {
        return DriverManager.getConnection(db.mariadbJdbcUrl() + "?tinyInt1isBit=false", db.user(),
                db.password().reveal());
    }

    Connection magentoConnection() throws SQLException {
        return connect(magento);
    }

    Connection platformConnection() throws SQLException {
        return DriverManager.getConnection(platform.postgresJdbcUrl(), platform.user(), platform.password().reveal());
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = magentoConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Connection c = magentoConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The configuration as the CLI would load it from a YAML file: magento, platform and sync sections. */
    LoadedConfig config(Path workDir, String syncYaml) {
        return ConfigLoader.load(ConfigSource.fromYaml(yaml(workDir, syncYaml), Map.of()),
                List.of(SyncConfig.SECTION, MagentoConfig.SECTION, PlatformConfig.SECTION));
    }

    /** That configuration as YAML text. */
    String yaml(Path workDir, String syncYaml) {
        return "magento:\n"
                + "  database:\n"
                + "    host: " + magento.host() + "\n"
                + "    port: " + magentoPort + "\n"
                + "    user: " + magento.user() + "\n"
                + "    database: " + magento.database() + "\n"
                + "platform:\n"
                + "  postgres:\n"
                + "    host: " + platform.host() + "\n"
                + "    port: " + postgresPort + "\n"
                + "    user: " + platform.user() + "\n"
                + "    database: " + platform.database() + "\n"
                + "  redis:\n"
                + "    host: " + redis.host() + "\n"
                + "    port: " + redisPort + "\n"
                + "sync:\n"
                + "  server_id: " + ThreadLocalRandom.current().nextInt(1000, 1_000_000) + "\n"
                + "  topic_prefix: " + magento.database() + "\n"
                + "  http:\n"
                + "    port: 0\n"
                + "  progress_interval: 1s\n"
                + "  offsets:\n"
                + "    store: " + offsetStore + "\n"
                + "    flush_interval: 200ms\n"
                + "    file: " + workDir.resolve("offsets.dat") + "\n"
                + "    history_file: " + workDir.resolve("history.dat") + "\n"
                + "    redis_key_prefix: " + magento.database() + "\n"
                + "    jdbc_table_prefix: sync\n"
                + indent(syncYaml);
    }

    SyncService startSync(Path workDir, String syncYaml) throws Exception {
        LoadedConfig c = config(workDir, syncYaml);
        return SyncService.start(c.get(SyncConfig.SECTION), c.get(MagentoConfig.SECTION), c.get(PlatformConfig.SECTION));
    }

    private static String indent(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : yaml.split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.toString();
    }
}
