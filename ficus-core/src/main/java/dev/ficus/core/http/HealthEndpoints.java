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
 */
public final class HealthEndpoints {
    private HealthEndpoints() {
    }

    /** A readiness answer: ready or not, with details a person can read in the body. */
    public record Readiness(boolean ready, Map<String, Object> details) {
        public static Readiness ok(Map<String, Object> details) {
            return new Readiness(true, details);
        }

        public static Readiness notReady(Map<String, Object> details) {
            return new Readiness(false, details);
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
            body.put("status", r.ready() ? "UP" : "DOWN");
            body.putAll(r.details());
            ctx.response().setStatusCode(r.ready() ? 200 : 503)
                    .putHeader("Content-Type", "application/json")
                    .end(Json.write(body));
        }));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
    }
}
