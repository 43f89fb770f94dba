package dev.ficus.sync.preflight;

import dev.ficus.core.config.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ficus preflight}: checks a source database before any sync — binlog settings, server id, retention, the
 * sync login's grants, the tracked tables and their primary keys, and whether the server is MySQL or MariaDB. It
 * never changes the server; each failed row says how to fix it.
 */
public final class Preflight {
    private Preflight() {
    }

    public static PreflightReport run(PreflightSettings settings) {
        DatabaseEndpoint db = settings.source();
        String where = db.host() + ":" + db.port();
        try (Connection c = DriverManager.getConnection(db.withDatabase("").mariadbJdbcUrl(), db.user(),
                db.password().reveal())) {
            return run(c, settings);
        } catch (SQLException e) {
            return new PreflightReport(null, null, List.of(CheckResult.fail("connect",
                    "cannot log in to " + where + " as " + db.user() + ": " + e.getMessage(),
                    "check magento.database.host/port/user/password (FICUS_MAGENTO_DATABASE_*) and that the server runs")));
        }
    }

    /** The checks on an open connection (logged in as the sync's user); the database is settings.source().database(). */
    public static PreflightReport run(Connection c, PreflightSettings settings) throws SQLException {
        ServerFacts facts = ServerFacts.read(c);
        List<CheckResult> out = new ArrayList<>();
        out.add(CheckResult.info("server", facts.flavor().cliName() + " " + facts.version()));
        expectedFlavor(facts, settings.expectedFlavor()).ifPresent(out::add);
        out.addAll(BinlogChecks.run(facts, settings));
        String database = settings.source().database();
        List<CheckResult> grants = GrantChecks.run(c, facts, database);
        out.addAll(grants);
        boolean canSee = grants.stream().noneMatch(g -> g.check().equals("grant SELECT") && g.failed());
        if (canSee) {
            out.addAll(TableChecks.run(c, database, settings.trackedTables()));
        } else {
            for (String table : settings.trackedTables()) {
                out.add(CheckResult.fail("table " + table, "cannot be checked without SELECT on " + database,
                        "grant SELECT first (see above)"));
            }
        }
        return new PreflightReport(facts.flavor(), facts.version(), out);
    }

    private static Optional<CheckResult> expectedFlavor(ServerFacts facts, Optional<ServerFlavor> expected) {
        return expected.map(e -> e == facts.flavor()
                ? CheckResult.pass("connector", "sync.connector " + e.cliName() + " matches the server")
                : CheckResult.fail("connector", "sync.connector is " + e.cliName() + " but the server is "
                        + facts.flavor().cliName(), "sync.connector: " + facts.flavor().cliName()));
    }
}
