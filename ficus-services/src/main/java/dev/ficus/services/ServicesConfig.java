package dev.ficus.services;

import dev.ficus.core.config.ConfigReader;
import dev.ficus.core.config.ConfigSection;
import dev.ficus.events.Domain;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Configuration of the read services (section {@code services}). Their PostgreSQL and Redis come from
 * {@code platform}. The keys under {@code services.consumer} apply to every service's consumer.
 *
 * @param host             address the HTTP servers bind to
 * @param ports            port of each service (0 picks a free one)
 * @param consumer         how events are read, applied, retried and dead-lettered
 * @param readyMaxLag      {@code /health/ready} says {@code catching_up} (202) while the oldest unapplied event is
 *                         older than this
 * @param poolSize         PostgreSQL connections per service (shared by the consumer and the HTTP handlers)
 * @param identityHeader   the header the gateway sets to the customer id for {@code /V1/customers/me}
 * @param http             the size limits of the HTTP servers' requests
 */
public record ServicesConfig(String host, Map<Domain, Integer> ports, ConsumerSettings consumer,
                             Duration readyMaxLag, int poolSize, String identityHeader,
                             HttpLimits http) {

    /**
     * @param maxInitialLine longest request line in bytes (longer: 414)
     * @param maxHeaderSize  largest request header block in bytes (larger: 431)
     */
    public record HttpLimits(int maxInitialLine, int maxHeaderSize) {
    }

    /** Twice the gateway's default limits: what the gateway passes on is served, with room for what it adds. */
    public static final HttpLimits DEFAULT_HTTP_LIMITS = new HttpLimits(16 * 1024, 32 * 1024);

    /**
     * @param name            consumer name inside the group; empty = host name and process id (unique per instance)
     * @param batchSize       most entries read (per topic) and applied in one PostgreSQL transaction
     * @param block           how long one read waits for new entries
     * @param claimIdle       entries another member read but did not acknowledge for this long are taken over
     * @param claimInterval   how often to look for such entries
     * @param maxAttempts     failed applies of one entry before it goes to {@code migration.dlq}
     * @param retryBackoff    first wait before a failed entry (or a failed batch) is tried again; doubles
     * @param retryMaxBackoff longest such wait
     */
    public record ConsumerSettings(String name, int batchSize, Duration block, Duration claimIdle,
                                   Duration claimInterval, int maxAttempts, Duration retryBackoff,
                                   Duration retryMaxBackoff) {
    }

    public static final String DEFAULT_IDENTITY_HEADER = "X-Ficus-Customer-Id";

    public ServicesConfig {
        ports = Map.copyOf(ports);
    }

    public int port(Domain service) {
        return ports.getOrDefault(service, service.devPort());
    }

    /** The same configuration with every service on a free port (tests). */
    public ServicesConfig withFreePorts() {
        Map<Domain, Integer> free = new EnumMap<>(Domain.class);
        for (Domain s : Domain.values()) {
            free.put(s, 0);
        }
        return new ServicesConfig(host, free, consumer, readyMaxLag, poolSize, identityHeader, http);
    }

    public ServicesConfig withConsumer(ConsumerSettings settings) {
        return new ServicesConfig(host, ports, settings, readyMaxLag, poolSize, identityHeader, http);
    }

    public ServicesConfig withReadyMaxLag(Duration lag) {
        return new ServicesConfig(host, ports, consumer, lag, poolSize, identityHeader, http);
    }

    public static final ConfigSection<ServicesConfig> SECTION = new ConfigSection<>() {
        @Override
        public String name() {
            return "services";
        }

        @Override
        public String description() {
            return "the read services (catalog, customer, order, inventory)";
        }

        @Override
        public ServicesConfig read(ConfigReader r) {
            String host = r.string("http.host", "127.0.0.1",
                    "Address the services' HTTP servers bind to. Only the gateway may reach them (it vouches for "
                            + "the caller of /V1/customers/me): the default serves this host only; where the gateway "
                            + "runs elsewhere, bind 0.0.0.0 and restrict them with a network policy.");
            HttpLimits http = new HttpLimits(
                    r.integer("http.max_initial_line", DEFAULT_HTTP_LIMITS.maxInitialLine(), 4096, 64 * 1024,
                            "Longest request line in bytes (longer: 414). Keep it at or above the gateway's "
                                    + "gateway.limits.max_initial_line, or reads Magento would serve fail here. At "
                                    + "most 64 KiB: each value of an 'in' filter becomes one PostgreSQL parameter, "
                                    + "and a statement takes at most 65,535."),
                    r.integer("http.max_header_size", DEFAULT_HTTP_LIMITS.maxHeaderSize(), 8192, 1024 * 1024,
                            "Largest request header block in bytes (larger: 431). Keep it above the gateway's "
                                    + "gateway.limits.max_header_size: the gateway passes the client's headers on "
                                    + "and adds its own."));
            Map<Domain, Integer> ports = new EnumMap<>(Domain.class);
            for (Domain s : Domain.values()) {
                ports.put(s, r.at(s.id()).port("port", s.devPort(),
                        "Port of the " + s.id() + " service (Magento REST paths, /health/*, /metrics); 0 = free."));
            }
            ConfigReader c = r.at("consumer");
            ConsumerSettings consumer = new ConsumerSettings(
                    c.string("name", "", "Consumer name within the service's group; empty = <host name>-<pid>. "
                            + "Must differ between instances of one service."),
                    c.integer("batch_size", 500, 1, 100_000,
                            "Most entries read per topic and applied in one PostgreSQL transaction."),
                    c.duration("block", Duration.ofMillis(500),
                            "How long one read (XREADGROUP BLOCK) waits for new entries."),
                    c.duration("claim_idle", Duration.ofSeconds(30),
                            "Entries read but not acknowledged for this long (a dead instance) are taken over "
                                    + "(XAUTOCLAIM)."),
                    c.duration("claim_interval", Duration.ofSeconds(5),
                            "How often to look for such entries."),
                    c.integer("max_attempts", 5, 1, 1000,
                            "Failed applies of one entry before it goes to migration.dlq with the reason."),
                    c.duration("retry_backoff", Duration.ofMillis(200),
                            "First wait before a failed entry, or a batch that failed as a whole (database "
                                    + "down), is tried again; doubles up to retry_max_backoff."),
                    c.duration("retry_max_backoff", Duration.ofSeconds(10), "Longest wait between tries."));
            if (consumer.claimIdle().isZero()) {
                c.problem("claim_idle", "must be more than 0");
            }
            Duration lag = r.duration("ready.max_lag", Duration.ofSeconds(10),
                    "/health/ready answers 202 catching_up (behind, not broken: the gateway sends the reads to "
                            + "Magento meanwhile and counts nothing) while the oldest event not yet applied is older "
                            + "than this.");
            int pool = r.integer("database.pool_size", 8, 1, 200,
                    "PostgreSQL connections per service (platform.postgres), shared by consumer and HTTP.");
            String header = r.string("customer.identity_header", DEFAULT_IDENTITY_HEADER,
                    "Header carrying the customer id the gateway validated, for GET /rest/V1/customers/me.");
            return new ServicesConfig(host, ports, consumer, lag, pool, header, http);
        }
    };
}
