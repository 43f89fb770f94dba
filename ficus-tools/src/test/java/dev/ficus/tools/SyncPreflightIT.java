package dev.ficus.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cli.CommandLines;
import dev.ficus.cli.ExitCodes;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.devstack.JdbcConnections;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.fixture.SeedListener;
import dev.ficus.testing.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync refuses a Magento database that fails preflight, as the issue found one: a shop lacking a captured table
 * ({@code sales_order_address}), on which the sync used to start and send every order to the dead letters.
 * {@code ficus sync} and {@code ficus dev} exit with the report and its fixes; {@code --skip-preflight} starts the
 * sync anyway and says so in a WARN line.
 */
class SyncPreflightIT {
    private static final String MISSING = "sales_order_address";

    private static DatabaseEndpoint shop;
    private static DatabaseEndpoint platform;

    @TempDir
    Path dir;

    @BeforeAll
    static void aShopLackingACapturedTable() throws Exception {
        shop = TestServers.freshMariadbDatabase(SyncPreflightIT.class);
        MagentoSeeder.seed(shop, FixtureProfile.SMALL, 1, SeedListener.NONE);
        try (Connection c = JdbcConnections.mariadb(shop); Statement st = c.createStatement()) {
            st.execute("DROP TABLE " + MISSING);
        }
        platform = TestServers.freshPostgresDatabase(SyncPreflightIT.class);
    }

    @Test
    void syncExitsWithThePreflightReportAndItsFixes() throws Exception {
        CommandLines.Result refused = CommandLines.run("sync", "--config", config().toString(),
                "--exit-after-start");

        assertThat(refused.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.out()).doesNotContain("is up");
        assertThat(refused.err()).contains("fails preflight, so the sync does not start")
                .containsPattern("table " + MISSING + "\\s+FAIL")
                .contains("Fixes:", "table " + MISSING + ":")
                .contains("--skip-preflight");
    }

    @Test
    void syncWithSkipPreflightStartsAndWarns() throws Exception {
        Path log = dir.resolve("sync.log");
        Process sync = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                "dev.ficus.cli.Ficus", "sync", "--config", config().toString(), "--skip-preflight",
                "--exit-after-start")
                .redirectError(log.toFile()).start();
        String out = new String(sync.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(sync.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(sync.exitValue()).as(Files.readString(log)).isZero();
        assertThat(out).contains("Ficus sync is up");
        assertThat(Files.readString(log)).containsPattern("WARN .*--skip-preflight: the sync starts without checking");
    }

    @Test
    void devExitsWithThePreflightReportBeforeTheSyncStarts() throws Exception {
        Path config = Files.writeString(dir.resolve("dev.yaml"), Files.readString(config()) + """
                devstack:
                  work_dir: %s
                  mariadb: external
                  postgres: external
                  redis: external
                standin: { port: 0 }
                services:
                  catalog: { port: 0 }
                  customer: { port: 0 }
                  order: { port: 0 }
                  inventory: { port: 0 }
                gateway:
                  port: 0
                  management: { port: 0 }
                """.formatted(dir.resolve("work")));

        CommandLines.Result refused = CommandLines.run("dev", "--config", config.toString(), "--exit-after-start");

        assertThat(refused.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("fails preflight").containsPattern("table " + MISSING + "\\s+FAIL");
    }

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("ficus.yaml"), """
                magento:
                  database: { host: %s, port: %d, user: %s, database: %s }
                platform:
                  postgres: { host: %s, port: %d, user: %s, database: %s }
                  redis: { host: %s, port: %d }
                sync:
                  http: { port: 0 }
                  offsets: { file: %s, history_file: %s }
                """.formatted(shop.host(), shop.port(), shop.user(), shop.database(),
                platform.host(), platform.port(), platform.user(), platform.database(),
                TestServers.redis().host(), TestServers.redis().port(),
                dir.resolve("offsets.dat"), dir.resolve("history.dat")));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
