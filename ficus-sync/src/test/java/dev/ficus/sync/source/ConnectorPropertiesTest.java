package dev.ficus.sync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.sync.config.SyncConfig;
import dev.ficus.sync.eav.AttributeCatalog;
import dev.ficus.sync.handler.Handlers;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorPropertiesTest {
    private static final Map<String, String> ENV = Map.of(
            "MAGENTO_DB_HOST", "db.shop.internal", "MAGENTO_DB_NAME", "magento", "DEBEZIUM_PASSWORD", "s3cret");

    @TempDir
    Path dir;

    private ConnectorProperties build(String syncYaml, Map<String, String> env) {
        String yaml = "magento:\n  database:\n    password: dbpass\n"
                + "sync:\n  offsets:\n    file: " + dir.resolve("o.dat") + "\n    history_file: " + dir.resolve("h.dat")
                + "\n" + syncYaml;
        LoadedConfig c = ConfigLoader.load(ConfigSource.fromYaml(yaml, Map.of()),
                List.of(SyncConfig.SECTION, MagentoConfig.SECTION, PlatformConfig.SECTION));
        SyncConfig sync = c.get(SyncConfig.SECTION);
        return ConnectorProperties.build(sync, c.get(MagentoConfig.SECTION).database(), c.get(PlatformConfig.SECTION),
                Handlers.snapshotTables(Handlers.all(new AttributeCatalog()), sync.tables()), env);
    }

    private static String planFile() throws URISyntaxException {
        return Path.of(ConnectorPropertiesTest.class.getResource("/connector/plan-debezium-connector.json").toURI())
                .toString();
    }

    @Test
    void derivesEverythingDebeziumNeedsFromOurKeys() {
        ConnectorProperties p = build("", Map.of());
        assertThat(p.get("connector.class")).isEqualTo("io.debezium.connector.mariadb.MariaDbConnector");
        assertThat(p.get("topic.prefix")).isEqualTo("ficus");
        assertThat(p.get("database.server.id")).isEqualTo("5701");
        assertThat(p.get("schema.history.internal")).isEqualTo("io.debezium.storage.file.history.FileSchemaHistory");
        assertThat(p.get("offset.storage.file.filename")).isEqualTo(dir.resolve("o.dat").toString());
        assertThat(p.get("offset.storage")).isEqualTo(AtomicFileOffsetBackingStore.class.getName());
        assertThat(p.get("snapshot.mode")).isEqualTo("initial");
        assertThat(p.get("snapshot.locking.mode")).isEqualTo("minimal");
        assertThat(p.get("poll.interval.ms")).isEqualTo("20");
        assertThat(p.get("heartbeat.interval.ms")).isEqualTo("10000");
        assertThat(p.get("table.include.list")).contains("catalog_product_entity_datetime", "catalog_product_website",
                "eav_attribute", "sales_order_item", "cataloginventory_stock_item");
        // the snapshot reads the entities' own tables only (the store directory's are its own); their child rows
        // are read by the extraction, and core_config_data is only watched for changes
        assertThat(p.get("snapshot.include.collection.list")).isEqualTo(String.join(",",
                "magento\\.catalog_product_entity", "magento\\.customer_entity", "magento\\.sales_order",
                "magento\\.cataloginventory_stock_item", "magento\\.store", "magento\\.store_group",
                "magento\\.store_website"));
        assertThat(p.masked()).containsEntry("database.password", "****");
        assertThat(p.toProperties().getProperty("database.password")).isEqualTo("dbpass");
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void readsThePlansConnectorFileAsItIs() throws Exception {
        ConnectorProperties p = build("  connector: mysql\n  connector_file: " + planFile() + "\n", ENV);
        // the file's own keys that we do not set come through, placeholders filled
        assertThat(p.get("connector.class")).isEqualTo("io.debezium.connector.mysql.MySqlConnector");
        // deprecated key translated and named
        assertThat(p.warnings()).anyMatch(w -> w.contains("'database.server.name'") && w.contains("'topic.prefix'"));
        // ours win where both speak, and the user is told
        assertThat(p.get("topic.prefix")).isEqualTo("ficus");
        assertThat(p.get("offset.storage.file.filename")).isEqualTo(dir.resolve("o.dat").toString());
        assertThat(p.get("table.include.list")).contains("catalog_product_entity_text");
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("connector file sets table.include.list=magento.customer_entity,"));
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("connector file sets database.password=****;"));
        // the sync follows DDL (foreign keys) through Debezium's schema change events
        assertThat(p.get("include.schema.changes")).isEqualTo("true");
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("connector file sets include.schema.changes=false;"));
        assertThat(p.warnings()).noneMatch(w -> w.contains("s3cret") || w.contains("dbpass"));
        assertThat(p.masked().values()).noneMatch(v -> v.contains("s3cret") || v.contains("dbpass"));
    }

    @Test
    void anUnsetPlaceholderIsAnErrorNamingIt() throws Exception {
        String file = planFile();
        assertThatThrownBy(() -> build("  connector_file: " + file + "\n", Map.of("MAGENTO_DB_HOST", "h")))
                .hasMessageContaining("DEBEZIUM_PASSWORD").hasMessageContaining("MAGENTO_DB_NAME");
    }

    @Test
    void theDebeziumMapPassesAnyPropertyThroughAndWins() {
        ConnectorProperties p = build("  debezium:\n    poll.interval.ms: 5\n    snapshot.mode: schema_only\n"
                + "    binlog.buffer.size: 4096\n", Map.of());
        assertThat(p.get("poll.interval.ms")).isEqualTo("5");
        assertThat(p.get("binlog.buffer.size")).isEqualTo("4096");
        assertThat(p.get("snapshot.mode")).isEqualTo("no_data");
        assertThat(p.warnings()).anyMatch(w -> w.contains("sync.debezium.poll.interval.ms overrides"));
        assertThat(p.warnings()).anyMatch(w -> w.contains("deprecated snapshot.mode 'schema_only'"));
    }

    @Test
    void translatesDebezium1Keys() {
        Map<String, String> out = DeprecatedKeys.translate(Map.of(
                "database.history", "io.debezium.relational.history.FileDatabaseHistory",
                "database.history.file.filename", "/h.dat",
                "table.whitelist", "magento.a"), w -> { });
        assertThat(out).containsEntry("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory")
                .containsEntry("schema.history.internal.file.filename", "/h.dat")
                .containsEntry("table.include.list", "magento.a");
    }
}
