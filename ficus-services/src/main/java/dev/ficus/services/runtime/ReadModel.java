package dev.ficus.services.runtime;

import io.vertx.ext.web.Router;
import java.util.List;

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

    /** Adds the domain's REST routes; handlers answer through {@link ServiceContext#answer}. */
    void mount(Router router, ServiceContext context);
}
