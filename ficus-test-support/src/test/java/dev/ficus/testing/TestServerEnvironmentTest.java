package dev.ficus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.core.config.Secret;
import dev.ficus.devstack.DevStackSettings;
import dev.ficus.devstack.ServerChoice;

class TestServerEnvironmentTest {
    private static final Path STACK_DIR = Path.of("/tmp/stack");

    @Test
    void withoutVariablesTheStackIsEmbeddedAndFresh() {
        DevStackSettings settings = TestServerEnvironment.settings(Map.of(), STACK_DIR);

        assertThat(settings.workDir()).isEqualTo(STACK_DIR);
        assertThat(settings.fresh()).isTrue();
        assertThat(settings.mariadb()).isInstanceOf(ServerChoice.Embedded.class);
        assertThat(settings.postgres()).isInstanceOf(ServerChoice.Embedded.class);
        assertThat(settings.redis()).isInstanceOf(ServerChoice.Embedded.class);
    }

    @Test
    void externalModeReadsUrlsUsersAndPasswords() {
        DevStackSettings settings = TestServerEnvironment.settings(Map.of(
                "FICUS_TEST_SERVERS", "external",
                "FICUS_TEST_MARIADB_URL", "jdbc:mariadb://db.local:3307/magento_ci",
                "FICUS_TEST_MARIADB_USER", "ci",
                "FICUS_TEST_MARIADB_PASSWORD", "maria-pw",
                "FICUS_TEST_POSTGRES_URL", "jdbc:postgresql://pg.local",
                "FICUS_TEST_REDIS_URL", "redis://:p%40ss@cache.local:6380"), STACK_DIR);

        assertThat(settings.fresh()).isFalse();
        assertThat(settings.mariadb()).isEqualTo(ServerChoice.external(
                new DatabaseEndpoint("db.local", 3307, "ci", Secret.of("maria-pw"), "magento_ci")));
        assertThat(settings.postgres()).isEqualTo(ServerChoice.external(
                new DatabaseEndpoint("pg.local", 5432, "postgres", Secret.empty(), "postgres")));
        assertThat(settings.redis()).isEqualTo(ServerChoice.external(
                new RedisEndpoint("cache.local", 6380, Secret.of("p@ss"))));
    }

    @Test
    void externalModeWithoutAllUrlsNamesTheMissingOnes() {
        assertThatThrownBy(() -> TestServerEnvironment.settings(Map.of(
                "FICUS_TEST_SERVERS", "external",
                "FICUS_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306"), STACK_DIR))
                .hasMessageContaining("FICUS_TEST_POSTGRES_URL")
                .hasMessageContaining("FICUS_TEST_REDIS_URL")
                .hasMessageNotContaining("FICUS_TEST_MARIADB_URL");
    }

    @Test
    void aUrlOfTheWrongKindIsRefused() {
        assertThatThrownBy(() -> TestServerEnvironment.database("jdbc:postgresql://h:1/db", "mariadb", 3306,
                "root", null, "")).hasMessageContaining("jdbc:mariadb://");
    }

    @Test
    void aBadRedisUrlIsRefusedWithoutRepeatingItsPassword() {
        assertThatThrownBy(() -> TestServerEnvironment.redis("http://:topsecret@h:1"))
                .hasMessageContaining("FICUS_TEST_REDIS_URL")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> TestServerEnvironment.settings(Map.of("FICUS_TEST_SERVERS", "docker"), STACK_DIR))
                .hasMessageContaining("docker");
    }

    @Test
    void namesForTestClassesAreLowerCaseUniqueAndShortEnoughForBothDatabases() {
        String first = TestServers.uniqueName(TestServerEnvironmentTest.class);
        String second = TestServers.uniqueName(TestServerEnvironmentTest.class);

        assertThat(first).matches("t_testserverenvironmenttest_[0-9a-f]{6}").isNotEqualTo(second);
        assertThat(TestServers.uniqueName(AVeryLongNameForATestClassThatGoesOnAndOnAndOnForeverAndEver.class))
                .hasSizeLessThanOrEqualTo(50);
    }

    private static final class AVeryLongNameForATestClassThatGoesOnAndOnAndOnForeverAndEver {
    }
}
