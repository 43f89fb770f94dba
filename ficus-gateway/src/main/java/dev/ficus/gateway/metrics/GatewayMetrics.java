package dev.ficus.gateway.metrics;

import dev.ficus.events.Domain;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The gateway's meters. Names are Prometheus names once exported: {@code http_request_duration_seconds} (histogram;
 * labels domain, backend, method, status), {@code ficus_gateway_fallbacks_total{domain,reason}},
 * {@code ficus_gateway_service_failures_uncounted_total{domain,reason,magento}},
 * {@code ficus_gateway_auto_disables_total{flag}}, {@code ficus_gateway_flag_state{flag,state}},
 * {@code ficus_gateway_shadow_comparisons_total{domain,result}}, {@code ficus_gateway_flag_invalid_values_total{flag}},
 * {@code ficus_gateway_flag_store_errors_total}, {@code ficus_gateway_service_healthy{service}},
 * {@code ficus_gateway_service_catching_up{service}}, {@code ficus_gateway_service_lag_seconds{service}},
 * {@code ficus_gateway_alerts_total{result}}, {@code ficus_gateway_token_checks_total{verdict}},
 * {@code ficus_gateway_client_connections{port}}, {@code ficus_gateway_client_connections_refused_total{port}},
 * {@code ficus_gateway_client_timeouts_total{port,phase}}.
 */
public final class GatewayMetrics {
    /** The label values of a request with no domain (an unrouted path). */
    public static final String NO_DOMAIN = "none";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    /**
     * The request timers by label values. Building and registering a meter looks it up by a sorted tag list on every
     * call; the label values are few (domains, backends, methods, status codes), so each timer is built once.
     */
    private final Map<TimerLabels, Timer> requestTimers = new ConcurrentHashMap<>();

    private record TimerLabels(String domain, String backend, String method, int status) {
    }

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void request(String domain, String backend, String method, int status, long nanos) {
        String m = METHODS.contains(method) ? method : "OTHER";
        requestTimers.computeIfAbsent(new TimerLabels(domain, backend, m, status), this::requestTimer)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer requestTimer(TimerLabels l) {
        return Timer.builder("http.request.duration")
                .description("Requests through the gateway, by domain, the backend that answered, method and status")
                .tags("domain", l.domain(), "backend", l.backend(), "method", l.method(),
                        "status", l.status() == 0 ? "aborted" : Integer.toString(l.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    public void fallback(Domain domain, String reason) {
        Counter.builder("ficus.gateway.fallbacks")
                .description("Reads meant for a service that Magento answered instead, by reason")
                .tags("domain", domain.id(), "reason", reason).register(registry).increment();
    }

    /**
     * A failed service read that did not count toward the auto-disable because Magento did not serve the same read
     * with 2xx ({@code magento}: 4xx, 3xx, 5xx or failed).
     */
    public void uncountedFailure(Domain domain, String reason, String magento) {
        Counter.builder("ficus.gateway.service.failures.uncounted")
                .description("Failed service reads not counted toward auto-disable: Magento did not serve the same "
                        + "read either (magento=4xx: the client's request was at fault)")
                .tags("domain", domain.id(), "reason", reason, "magento", magento).register(registry).increment();
    }

    /** Client connections open on one of the gateway's ports ({@code shop} or {@code management}). */
    public void clientConnections(String port, Supplier<Number> open) {
        Gauge.builder("ficus.gateway.client.connections", () -> open.get().doubleValue())
                .description("Client connections open, by port").tags("port", port).register(registry);
    }

    public void connectionRefused(String port) {
        Counter.builder("ficus.gateway.client.connections.refused")
                .description("Client connections closed at once because gateway.limits.max_connections were open")
                .tags("port", port).register(registry).increment();
    }

    /** A client that did not send its request head ({@code head}) or body ({@code body}) in time. */
    public void clientTimeout(String port, String phase) {
        Counter.builder("ficus.gateway.client.timeouts")
                .description("Requests ended with 408 because the client was too slow, by phase (head, body)")
                .tags("port", port, "phase", phase).register(registry).increment();
    }

    public void autoDisabled(Domain domain) {
        Counter.builder("ficus.gateway.auto.disables")
                .description("Flags this gateway turned off after consecutive service failures")
                .tags("flag", domain.flag()).register(registry).increment();
    }

    public void shadow(Domain domain, String result) {
        Counter.builder("ficus.gateway.shadow.comparisons")
                .description("Shadow reads compared with Magento's answer: match, difference, error or skipped")
                .tags("domain", domain.id(), "result", result).register(registry).increment();
    }

    public void alert(String result) {
        Counter.builder("ficus.gateway.alerts").description("Webhook alerts posted (sent) or not (failed)")
                .tags("result", result).register(registry).increment();
    }

    public void tokenCheck(String verdict) {
        Counter.builder("ficus.gateway.token.checks").description("Token checks asked of Magento, by verdict")
                .tags("verdict", verdict).register(registry).increment();
    }

    /** Flag states as an enum gauge: 1 for the state the flag is in, 0 for the others. */
    public void flagState(Domain domain, String state, Supplier<String> current) {
        Gauge.builder("ficus.gateway.flag.state", () -> state.equals(current.get()) ? 1 : 0)
                .description("1 for the state each flag is in (off, on, rollout, shadow, auto_disabled)")
                .tags("flag", domain.flag(), "state", state).register(registry);
    }

    public <T> void invalidFlagValues(Domain domain, T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder("ficus.gateway.flag.invalid.values", source, count)
                .description("Flag values that did not parse (the last good value was kept)")
                .tags("flag", domain.flag()).register(registry);
    }

    public <T> void flagStoreErrors(T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder("ficus.gateway.flag.store.errors", source, count)
                .description("Reads of the flag store that failed (all flags kept)").register(registry);
    }

    public void serviceHealthy(Domain domain, Supplier<Boolean> healthy) {
        Gauge.builder("ficus.gateway.service.healthy", () -> healthy.get() ? 1 : 0)
                .description("1 when the service passes its probes").tags("service", domain.id()).register(registry);
    }

    /** The lag the service reported on its last probe, in seconds; NaN when it failed or did not say. */
    public void serviceLag(Domain domain, Supplier<Long> lagMs) {
        Gauge.builder("ficus.gateway.service.lag.seconds", () -> {
            long ms = lagMs.get();
            return ms < 0 ? Double.NaN : ms / 1000.0;
        }).description("Lag of the service's read model as its last readiness probe reported it")
                .tags("service", domain.id()).register(registry);
    }

    /** 1 while the service says it is catching up (its reads go to Magento; nothing counts toward auto-disable). */
    public void serviceCatchingUp(Domain domain, Supplier<Boolean> catchingUp) {
        Gauge.builder("ficus.gateway.service.catching.up", () -> catchingUp.get() ? 1 : 0)
                .description("1 while the service is well but behind (its readiness says catching_up)")
                .tags("service", domain.id()).register(registry);
    }
}
