package dev.ficus.services;

import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.http.ServerVertx;
import dev.ficus.events.Domain;
import dev.ficus.services.runtime.RedisConnector;
import dev.ficus.services.runtime.ServiceRuntime;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code ficus service NAME|all}: starts the chosen read services in this process (one Vert.x, one
 * PostgreSQL pool and one Redis client per service) and stops them on {@link #close()}.
 *
 * <pre>
 * try (ReadServices services = ReadServices.start("all", servicesConfig, platformConfig)) {
 *     services.port(Domain.CATALOG);   // the bound port (a configured 0 picks a free one)
 * }
 * </pre>
 */
public final class ReadServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadServices.class);

    private final Vertx vertx;
    private final Map<Domain, ServiceRuntime> running;

    private ReadServices(Vertx vertx, Map<Domain, ServiceRuntime> running) {
        this.vertx = vertx;
        this.running = running;
    }

    /** {@code name}: {@code catalog}, {@code customer}, {@code order}, {@code inventory} or {@code all}. */
    public static ReadServices start(String name, ServicesConfig config, PlatformConfig platform) {
        return start(parse(name), config, platform);
    }

    public static ReadServices start(Collection<Domain> names, ServicesConfig config, PlatformConfig platform) {
        return start(names, config, platform, RedisConnector.of(platform.redis()));
    }

    /** As above, with the Redis client made by {@code redis} (tests give a logical database of their own). */
    public static ReadServices start(Collection<Domain> names, ServicesConfig config, PlatformConfig platform,
                                     RedisConnector redis) {
        Vertx vertx = ServerVertx.create("services", new VertxOptions());
        Map<Domain, ServiceRuntime> running = new EnumMap<>(Domain.class);
        String consumer = config.consumer().name().isBlank() ? defaultConsumerName() : config.consumer().name();
        try {
            for (Domain name : names) {
                running.put(name, ServiceRuntime.start(vertx, ReadModels.of(name, config), config.port(name), config,
                        platform.postgres(), redis.connect(vertx), consumer, Clock.systemUTC()));
            }
        } catch (RuntimeException e) {
            new ReadServices(vertx, running).close();
            throw e;
        }
        return new ReadServices(vertx, running);
    }

    /** Every service name, or the one named. */
    public static Set<Domain> parse(String name) {
        if (name.trim().toLowerCase(Locale.ROOT).equals("all")) {
            return EnumSet.allOf(Domain.class);
        }
        return EnumSet.of(Domain.fromId(name));
    }

    /** {@code <host name>-<pid>}: unique per instance, so instances of a service share the group's work. */
    static String defaultConsumerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "ficus";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    public int port(Domain name) {
        ServiceRuntime r = running.get(name);
        if (r == null) {
            throw new IllegalArgumentException(name.id() + " is not running here");
        }
        return r.port();
    }

    public Map<Domain, Integer> ports() {
        Map<Domain, Integer> out = new EnumMap<>(Domain.class);
        running.forEach((n, r) -> out.put(n, r.port()));
        return out;
    }

    public ServiceRuntime runtime(Domain name) {
        return running.get(name);
    }

    /** Stops every service (each finishes its batch in hand first), then Vert.x. */
    @Override
    public void close() {
        List<Domain> names = new ArrayList<>(running.keySet());
        for (Domain n : names) {
            try {
                running.remove(n).close();
            } catch (RuntimeException e) {
                LOG.warn("{} did not stop cleanly: {}", n.id(), e.getMessage());
            }
        }
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not stop cleanly: {}", e.getMessage());
        }
    }
}
