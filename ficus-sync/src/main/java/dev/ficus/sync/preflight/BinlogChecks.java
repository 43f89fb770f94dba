package dev.ficus.sync.preflight;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What change data capture needs from the binlog: on, in row format, with full row images, a server id the sync's
 * own does not clash with, and kept long enough for the sync to come back after an outage.
 */
final class BinlogChecks {
    private BinlogChecks() {
    }

    static List<CheckResult> run(ServerFacts s, PreflightSettings settings) {
        List<CheckResult> out = new ArrayList<>();
        String binName = s.flavor() == ServerFlavor.MARIADB ? "mariadb-bin" : "mysql-bin";
        String logBin = s.get("log_bin");
        out.add(logBin.equalsIgnoreCase("ON") || logBin.equals("1")
                ? CheckResult.pass("log_bin", "ON")
                : CheckResult.fail("log_bin", "binary log is " + (logBin.isEmpty() ? "off" : logBin),
                        "my.cnf [mysqld]: log_bin = " + binName + "  (then restart the server)"));
        String format = s.get("binlog_format");
        out.add(format.equalsIgnoreCase("ROW")
                ? CheckResult.pass("binlog_format", "ROW")
                : CheckResult.fail("binlog_format", "is " + format + "; statement events carry no row values",
                        "my.cnf [mysqld]: binlog_format = ROW  (or SET GLOBAL binlog_format = 'ROW' until the next restart)"));
        String image = s.get("binlog_row_image");
        out.add(image.equalsIgnoreCase("FULL")
                ? CheckResult.pass("binlog_row_image", "FULL")
                : CheckResult.fail("binlog_row_image", "is " + image + "; events would miss unchanged columns",
                        "my.cnf [mysqld]: binlog_row_image = FULL"));
        out.add(serverId(s, settings.syncServerId()));
        out.add(retention(s, settings.minimumRetention()));
        return out;
    }

    private static CheckResult serverId(ServerFacts s, int syncServerId) {
        long id;
        try {
            id = Long.parseLong(s.get("server_id"));
        } catch (NumberFormatException e) {
            id = 0;
        }
        if (id == 0) {
            return CheckResult.fail("server_id", "is 0; a server with id 0 refuses replication clients",
                    "my.cnf [mysqld]: server_id = 1  (any non-zero id other than the sync's " + syncServerId + ")");
        }
        if (id == syncServerId) {
            return CheckResult.fail("server_id", "is " + id + ", the same as the sync's sync.server_id",
                    "set sync.server_id to an id no server or replica uses (e.g. " + (syncServerId + 1000) + ")");
        }
        return CheckResult.pass("server_id", id + " (sync uses " + syncServerId + ")");
    }

    /**
     * binlog_expire_logs_seconds wins when set (MySQL 8, MariaDB 10.6+), else expire_logs_days; both 0 means the
     * server never purges by age.
     */
    private static CheckResult retention(ServerFacts s, Duration minimum) {
        long seconds = parseLong(s.get("binlog_expire_logs_seconds"));
        if (seconds == 0) {
            BigDecimal days = parseDecimal(s.get("expire_logs_days"));
            seconds = days.multiply(BigDecimal.valueOf(86_400)).longValue();
        }
        String fix = "my.cnf [mysqld]: binlog_expire_logs_seconds = " + minimum.toSeconds()
                + (s.flavor() == ServerFlavor.MARIADB ? "  (MariaDB before 10.6: expire_logs_days = "
                + Math.max(1, (minimum.toSeconds() + 86_399) / 86_400) + ")" : "")
                + "; on managed MySQL (RDS) call mysql.rds_set_configuration('binlog retention hours', "
                + Math.max(1, (minimum.toSeconds() + 3599) / 3600) + ")";
        if (seconds == 0) {
            return CheckResult.pass("binlog_retention", "never purged by age (needs at least " + human(minimum) + ")");
        }
        Duration kept = Duration.ofSeconds(seconds);
        if (kept.compareTo(minimum) < 0) {
            return CheckResult.fail("binlog_retention", "kept " + human(kept) + ", less than preflight.min_binlog_retention "
                    + human(minimum), fix);
        }
        return CheckResult.pass("binlog_retention", "kept " + human(kept) + " (needs at least " + human(minimum) + ")");
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s + "s";
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static BigDecimal parseDecimal(String v) {
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
