package dev.ficus.services.runtime;

import io.vertx.ext.web.Router;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * One domain's read model: how events change its tables ({@link #writer()}) and which Magento REST paths it answers
 * from them ({@link #mount}).
 */
public interface ReadModel {

    /**
     * The service's name: its consumer group on the topics, its metrics tag, and the classpath folder of its Flyway
     * migrations ({@code db/<name>}).
     */
    String name();

    /** The classpath folder below {@code db/} holding its Flyway migrations; the name unless said otherwise. */
    default String migrations() {
        return name();
    }

    /** The topics its consumer group reads. */
    List<String> topics();

    ReadModelWriter writer();

    /**
     * Brings state derived from the tables up to date once they are migrated, before the service consumes or
     * answers (the catalog renders answers that are missing or of an older renderer); nothing by default.
     */
    default void prepare(DataSource dataSource) throws SQLException {
    }

    /** Adds the domain's REST routes; handlers answer through {@link ServiceContext#answer}. */
    void mount(Router router, ServiceContext context);

    /** Stops what {@link #mount} started beside the routes; called before the pool closes. Nothing by default. */
    default void close() {
    }
}
