package dev.ficus.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.config.Secret;
import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.flag.FlagHistoryEntry;
import dev.ficus.gateway.flag.FlagState;
import dev.ficus.gateway.flag.FlagWriter;
import dev.ficus.gateway.flag.Flags;
import dev.ficus.gateway.health.HealthMonitor;
import dev.ficus.gateway.health.ServiceHealth;
import dev.ficus.gateway.shadow.ShadowRecorder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API under {@code <prefix>/api}: list the flags, turn one on or off (with a reason, recorded in the
 * store's history), read the shadow comparisons and the last minutes of traffic per domain (the page's charts). Every call needs {@code Authorization: Bearer <admin token>},
 * compared in constant time; without a configured token the API refuses everything.
 */
public final class AdminApi {
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final int MAX_BODY = 64 * 1024;

    private final Flags flags;
    private final FlagWriter writer;
    private final HealthMonitor health;
    private final ShadowRecorder shadow;
    private final String storeDescription;
    private final Secret token;
    private final TrafficHistory traffic;
    private final long chartIntervalMillis;

    public AdminApi(Flags flags, FlagWriter writer, HealthMonitor health, ShadowRecorder shadow,
                    String storeDescription, Secret token, TrafficHistory traffic, long chartIntervalMillis) {
        this.flags = flags;
        this.writer = writer;
        this.health = health;
        this.shadow = shadow;
        this.storeDescription = storeDescription;
        this.token = token;
        this.traffic = traffic;
        this.chartIntervalMillis = chartIntervalMillis;
    }

    public void mount(Router router, String prefix) {
        String api = prefix + "/api";
        router.route(api + "/*").handler(this::authenticate);
        router.get(api + "/flags").handler(ctx -> json(ctx, 200, Map.of("flags",
                java.util.Arrays.stream(Domain.values()).map(this::view).toList())));
        router.get(api + "/flags/:flag").handler(ctx -> domain(ctx).ifPresent(d -> json(ctx, 200, view(d))));
        router.post(api + "/flags/:flag/enable").handler(BodyHandler.create().setBodyLimit(MAX_BODY))
                .handler(ctx -> set(ctx, FlagHistoryEntry.ENABLE));
        router.post(api + "/flags/:flag/disable").handler(BodyHandler.create().setBodyLimit(MAX_BODY))
                .handler(ctx -> set(ctx, FlagHistoryEntry.DISABLE));
        router.get(api + "/shadow").handler(ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("counts", shadow.counts());
            body.put("latest_differences", shadow.latest());
            json(ctx, 200, body);
        });
        router.get(api + "/traffic").handler(ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("interval_ms", chartIntervalMillis);
            body.put("domains", traffic.points());
            json(ctx, 200, body);
        });
        router.route(api + "/*").handler(ctx -> error(ctx, 404, "No such admin API call: "
                + ctx.request().method() + " " + ctx.request().path()));
    }

    private void authenticate(RoutingContext ctx) {
        if (token.isEmpty()) {
            // the gateway's start-up log names the setting that turns it on
            unauthorized(ctx, "The admin API is off.");
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : null;
        if (!token.matches(presented)) {
            unauthorized(ctx, "A valid admin token is required (Authorization: Bearer <admin token>).");
            return;
        }
        ctx.next();
    }

    private void set(RoutingContext ctx, String action) {
        Optional<Domain> domain = domain(ctx);
        if (domain.isEmpty()) {
            return;
        }
        JsonNode body;
        try {
            body = ctx.body().isEmpty() ? Json.object() : Json.read(ctx.body().asString());
        } catch (UncheckedIOException e) {
            error(ctx, 400, "The body must be JSON: {\"reason\": \"…\", \"value\": \"…\"}.");
            return;
        }
        String reason = text(body, "reason");
        if (reason == null || reason.isBlank()) {
            error(ctx, 400, "A reason is required (--reason \"…\"): it goes into the flag's history.");
            return;
        }
        String value = text(body, "value");
        if (value == null || value.isBlank()) {
            value = action.equals(FlagHistoryEntry.ENABLE) ? "true" : "false";
        }
        String actor = text(body, "actor");
        String by = "admin-api" + (actor == null || actor.isBlank() ? "" : " (" + actor.strip() + ")");
        Domain d = domain.get();
        String finalValue = value;
        writer.set(d, value, action, by, reason.strip()).onComplete(ar -> {
            if (ar.failed()) {
                if (ar.cause() instanceof IllegalArgumentException) {
                    error(ctx, 400, ar.cause().getMessage());
                } else {
                    LOG.warn("could not write {} to the flag store: {}", d.flag(), ar.cause().toString());
                    error(ctx, 503, "The flag store could not be written: " + ar.cause().getMessage());
                }
                return;
            }
            // a person's decision replaces an auto-disable this replica could not write to the store
            flags.clearLocalOff(d);
            LOG.info("{} set to '{}' by {}: {}", d.flag(), finalValue, by, reason.strip());
            json(ctx, 200, view(d));
        });
    }

    private FlagView view(Domain d) {
        FlagState s = flags.state(d);
        ServiceHealth h = health.health(d);
        return new FlagView(d.flag(), s.raw() == null ? null : s.raw().strip(), flags.rule(d).describe(),
                flags.stateName(d), storeDescription,
                s.problem() != null ? "invalid value, keeping '" + s.rule().text().strip() + "': " + s.problem()
                        : s.historyProblem(),
                flags.offLocally(d),
                ServiceView.of(d.id(), h),
                s.history());
    }

    private Optional<Domain> domain(RoutingContext ctx) {
        String name = ctx.pathParam("flag");
        Optional<Domain> d = Domain.byFlag(name);
        if (d.isEmpty()) {
            error(ctx, 404, "No flag '" + name + "' (flags: catalog_read, customer_read, order_read, inventory_read).");
        }
        return d;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static void unauthorized(RoutingContext ctx, String message) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"ficus-admin\"");
        error(ctx, 401, message);
    }

    private static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, Map.of("message", message));
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Json.write(body));
    }

    /** For the list: every flag's view (also used by tests). */
    public List<FlagView> views() {
        return java.util.Arrays.stream(Domain.values()).map(this::view).toList();
    }
}
