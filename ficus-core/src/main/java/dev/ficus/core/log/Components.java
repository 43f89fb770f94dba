package dev.ficus.core.log;

import java.util.List;
import java.util.Map;

/** Which Ficus component a logger belongs to, so that every line of a shared process says who wrote it. */
public final class Components {
    private static final List<Map.Entry<String, String>> BY_PREFIX = List.of(
            Map.entry("dev.ficus.gateway", "gateway"),
            Map.entry("dev.ficus.sync", "sync"),
            Map.entry("dev.ficus.magento", "magento"),
            Map.entry("dev.ficus.devstack", "devstack"),
            Map.entry("dev.ficus.cli", "ficus"),
            Map.entry("dev.ficus.bench", "bench"),
            Map.entry("dev.ficus.core", "core"),
            Map.entry("io.debezium", "sync"),
            Map.entry("org.apache.kafka", "sync"),
            Map.entry("ch.vorburger", "mariadb"),
            Map.entry("io.zonky", "postgres"),
            Map.entry("redis.embedded", "redis"),
            Map.entry("io.vertx", "vertx"),
            Map.entry("io.netty", "vertx"),
            Map.entry("com.zaxxer.hikari", "jdbc"),
            Map.entry("org.flywaydb", "flyway"));

    /** Third-party loggers kept at WARN unless the user asks for {@code --verbose}. */
    public static final List<String> CHATTY = List.of(
            "io.debezium", "org.apache.kafka", "ch.vorburger", "io.zonky", "redis.embedded", "io.vertx", "io.netty",
            "com.zaxxer.hikari", "org.flywaydb", "io.fabric8", "org.mariadb", "org.postgresql",
            "com.github.shyiko");

    private Components() {
    }

    public static String of(String loggerName) {
        if (loggerName.startsWith("dev.ficus.services.")) {
            String rest = loggerName.substring("dev.ficus.services.".length());
            int dot = rest.indexOf('.');
            return dot < 0 ? "services" : rest.substring(0, dot);
        }
        for (Map.Entry<String, String> e : BY_PREFIX) {
            if (loggerName.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "app";
    }
}
