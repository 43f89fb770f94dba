package dev.ficus.sync.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.Secret;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BinlogChecksTest {
    private static final PreflightSettings SETTINGS = new PreflightSettings(
            new DatabaseEndpoint("h", 1, "u", Secret.empty(), "magento"), 5701, List.of(), Duration.ofDays(3), Optional.empty());

    @Test
    void mysqlWithEverythingRightPasses() {
        List<CheckResult> rows = BinlogChecks.run(facts("8.0.36", "MySQL Community Server - GPL",
                Map.of("log_bin", "ON", "binlog_format", "ROW", "binlog_row_image", "FULL", "server_id", "1",
                        "binlog_expire_logs_seconds", "2592000")), SETTINGS);
        assertThat(rows).noneMatch(CheckResult::failed);
        assertThat(rows).filteredOn(r -> r.check().equals("binlog_retention")).first()
                .extracting(CheckResult::detail).asString().startsWith("kept 30d");
    }

    @Test
    void shortRetentionFailsWithTheSettingToRaise() {
        CheckResult r = retention(Map.of("binlog_expire_logs_seconds", "86400"), "10.11.6-MariaDB");
        assertThat(r.failed()).isTrue();
        assertThat(r.fix()).contains("binlog_expire_logs_seconds = 259200").contains("expire_logs_days = 3");
    }

    @Test
    void expireLogsDaysCountsWhenSecondsAreZeroAndZeroBothMeansNeverPurged() {
        assertThat(retention(Map.of("binlog_expire_logs_seconds", "0", "expire_logs_days", "1.000000"), "10.5.1-MariaDB").failed())
                .isTrue();
        assertThat(retention(Map.of("binlog_expire_logs_seconds", "0", "expire_logs_days", "7.000000"), "10.5.1-MariaDB").failed())
                .isFalse();
        CheckResult never = retention(Map.of("binlog_expire_logs_seconds", "0", "expire_logs_days", "0"), "10.11.6-MariaDB");
        assertThat(never.failed()).isFalse();
        assertThat(never.detail()).startsWith("never purged");
    }

    @Test
    void statementFormatMinimalImageAndServerIdZeroFail() {
        List<CheckResult> rows = BinlogChecks.run(facts("8.0.36", "MySQL", Map.of("log_bin", "ON", "binlog_format", "MIXED",
                "binlog_row_image", "MINIMAL", "server_id", "0")), SETTINGS);
        assertThat(rows).filteredOn(CheckResult::failed).extracting(CheckResult::check)
                .containsExactly("binlog_format", "binlog_row_image", "server_id");
        assertThat(rows.get(0).fix()).isNull();
        assertThat(rows).filteredOn(CheckResult::failed).allMatch(r -> r.fix() != null && !r.fix().isBlank());
    }

    @Test
    void flavorIsDetectedFromVersionOrComment() {
        assertThat(ServerFlavor.detect("10.11.19-MariaDB-0+deb12u1", "Debian 12")).isEqualTo(ServerFlavor.MARIADB);
        assertThat(ServerFlavor.detect("11.4.5", "mariadb.org binary distribution")).isEqualTo(ServerFlavor.MARIADB);
        assertThat(ServerFlavor.detect("8.0.36", "MySQL Community Server - GPL")).isEqualTo(ServerFlavor.MYSQL);
        assertThat(ServerFlavor.detect("8.0.35-27", "Percona Server (GPL), Release 27")).isEqualTo(ServerFlavor.MYSQL);
    }

    private static CheckResult retention(Map<String, String> vars, String version) {
        Map<String, String> all = new HashMap<>(Map.of("log_bin", "ON", "binlog_format", "ROW", "binlog_row_image", "FULL",
                "server_id", "1"));
        all.putAll(vars);
        return BinlogChecks.run(facts(version, "", all), SETTINGS).stream()
                .filter(r -> r.check().equals("binlog_retention")).findFirst().orElseThrow();
    }

    private static ServerFacts facts(String version, String comment, Map<String, String> vars) {
        return new ServerFacts(version, comment, ServerFlavor.detect(version, comment), vars);
    }
}
