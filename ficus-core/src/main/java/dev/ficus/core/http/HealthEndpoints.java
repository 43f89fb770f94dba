package dev.ficus.core.http;

import dev.ficus.core.json.Json;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The three endpoints every Ficus process serves: {@code /health/live} (the process answers), {@code /health/ready}
 * (it can do its job: the component decides what that means) and Prometheus {@code /metrics}.
 *
 * <p>{@code /health/ready} answers one of three states, each with its own status code:
 * <ul>
 *   <li>{@code UP}, 200: ready;</li>
 *   <li>{@code catching_up}, {@value #CATCHING_UP_STATUS}: healthy but behind (a read service still applying its
 *       initial snapshot or a backlog). Not a failure: the gateway sends the domain's reads to Magento meanwhile
 *       without counting anything, and a Kubernetes probe (success is 200–399) keeps the pod in its Service so the
 *       gateway can keep asking it;</li>
 *   <li>{@code DOWN}, 503: it cannot do its job (a database, Redis or its consumer group is missing).</li>
 * </ul>
 */
public final class HealthEndpoints {
    /** The status code of a {@code catching_up} answer: 2xx for Kubernetes, and not 200 for the gateway. */
    public static final int CATCHING_UP_STATUS = 202;
    public static final String CATCHING_UP = "catching_up";

    private HealthEndpoints() {
    }

    public enum State {
        UP("UP", 200),
        CATCHING_UP(HealthEndpoints.CATCHING_UP, CATCHING_UP_STATUS),
        DOWN("DOWN", 503);

        private final String label;
        private final int statusCode;

        State(String label, int statusCode) {
            this.label = label;
            this.statusCode = statusCode;
        }

        /** The body's {@code status}. */
        public String label() {
            return label;
        }

        public int statusCode() {
            return statusCode;
        }
    }

    /** A readiness answer: its state, with details a person (or the gateway) can read in the body. */
    public record Readiness(State state, Map<String, Object> details) {
        public Readiness(boolean ready, Map<String, Object> details) {
            this(ready ? State.UP : State.DOWN, details);
        }

        public boolean ready() {
            return state == State.UP;
        }

        public static Readiness ok(Map<String, Object> details) {
            return new Readiness(State.UP, details);
        }

        public static Readiness notReady(Map<String, Object> details) {
            return new Readiness(State.DOWN, details);
        }

        public static Readiness catchingUp(Map<String, Object> details) {
            return new Readiness(State.CATCHING_UP, details);
        }
    }

    public static void mount(Router router, Supplier<Future<Readiness>> readiness, PrometheusMeterRegistry registry) {
        router.get("/health/live").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end("{\"status\":\"UP\"}"));
        router.get("/health/ready").handler(ctx -> readiness.get().onComplete(ar -> {
            Readiness r = ar.succeeded() ? ar.result()
                    : Readiness.notReady(Map.of("error", String.valueOf(ar.cause().getMessage())));
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("status", r.state().label());
            body.putAll(r.details());
            ctx.response().setStatusCode(r.state().statusCode())
                    .putHeader("Content-Type", "application/json")
                    .end(Json.write(body));
        }));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
    }
}
