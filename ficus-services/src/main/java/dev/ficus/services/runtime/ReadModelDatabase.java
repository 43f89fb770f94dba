package dev.ficus.services.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.config.DatabaseEndpoint;
import org.flywaydb.core.Flyway;

/**
 * The service's PostgreSQL: a connection pool and the Flyway migrations. Every service keeps its tables in the
 * database's default schema, so that {@code products} and the sync's {@code magento_id_map} are both found without
 * a schema name (the plan's consistency script relies on it); each service has its own Flyway history table, so
 * services migrate independently even when they share one database.
 */
public final class ReadModelDatabase {
    /** Tables of the runtime itself (version guard, failure counts), shared by all services. */
    static final String RUNTIME = "runtime";

    private ReadModelDatabase() {
    }

    public static HikariDataSource pool(DatabaseEndpoint endpoint, String service, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoint.postgresJdbcUrl());
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password().reveal());
        config.setPoolName("ficus-" + service);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        // fail at start when the database is not there, with the reason
        config.setInitializationFailTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** Applies the runtime's migrations and then those of {@code service} ({@code classpath:db/<service>}). */
    public static void migrate(javax.sql.DataSource dataSource, String service) {
        migrate(dataSource, RUNTIME, "flyway_read_model_runtime");
        migrate(dataSource, service, "flyway_" + service + "_history");
    }

    private static void migrate(javax.sql.DataSource dataSource, String folder, String historyTable) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + folder)
                .table(historyTable)
                // the schema holds other services' tables already: start this history at 0 and apply V1 on
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
