package dev.ficus.gateway.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.http.HealthEndpoints;
import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.config.Upstream;
import dev.ficus.gateway.flag.Flags;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health of the four services from two sources: active probes of {@code /health/ready} on a timer, and the outcome
 * of real reads. An unhealthy service gets no reads. While a flag sends reads to a service, each failed read and each
 * failed probe (once the service has been up) counts; a successful read resets the count; at the threshold the flag
 * is turned off. A probe that passes makes the service healthy again but never turns a flag back on.
 *
 * <p>A probe answered {@code 202 catching_up} (core's {@code HealthEndpoints}) is neither: the service is well but
 * behind (its initial snapshot or a backlog not yet applied). It gets no reads until a probe passes, and nothing is
 * counted, so catching up can never turn a flag off; once it has caught up, its reads go back to it by themselves.
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final GatewayConfig.Health config;
    private final int threshold;
    private final Flags flags;
    private final AutoDisabler disabler;
    private final Map<Domain, ServiceHealth> services = new EnumMap<>(Domain.class);
    private final Map<Domain, Upstream> upstreams;
    private long timer = -1;

    public HealthMonitor(Vertx vertx, HttpClient client, GatewayConfig config, Flags flags, AutoDisabler disabler) {
        this.vertx = vertx;
        this.client = client;
        this.config = config.health();
        this.threshold = config.failureThreshold();
        this.flags = flags;
        this.disabler = disabler;
        this.upstreams = config.serviceUpstreams();
        for (Domain d : Domain.values()) {
            services.put(d, new ServiceHealth(d, config.serviceUrls().get(d)));
        }
    }

    /** Probes every service once (so the first reads know who is up), then on the interval. */
    public Future<Void> start() {
        Future<Void> first = probeAll();
        timer = vertx.setPeriodic(config.interval().toMillis(), id -> probeAll());
        return first;
    }

    public ServiceHealth health(Domain domain) {
        return services.get(domain);
    }

    public boolean healthy(Domain domain) {
        return services.get(domain).healthy();
    }

    /** True when the service's last probe said it is catching up (and no read found it gone since). */
    public boolean catchingUp(Domain domain) {
        return services.get(domain).catchingUp() != null;
    }

    public void readSucceeded(Domain domain) {
        services.get(domain).succeeded();
    }

    /** A read found the service not there: it gets no reads until a probe passes (this alone counts nothing). */
    public void unreachable(Domain domain) {
        services.get(domain).unreachable();
    }

    /** A read the service failed and Magento served: it counts toward the auto-disable. */
    public void readFailed(Domain domain, FailureReason reason, String detail) {
        count(services.get(domain), "read " + reason.label() + ": " + detail);
    }

    private void count(ServiceHealth s, String error) {
        if (!flags.rule(s.domain()).routesReads()) {
            return;
        }
        int n = s.failed(error);
        if (n == 1) {
            LOG.warn("{} service failed: {}", s.domain().id(), error);
        } else {
            LOG.debug("{} service failed ({} in a row): {}", s.domain().id(), n, error);
        }
        if (n >= threshold) {
            List<String> errors = s.lastErrors();
            s.resetFailures();
            disabler.trigger(s.domain(), n, errors.subList(Math.max(0, errors.size() - threshold), errors.size()));
        }
    }

    private Future<Void> probeAll() {
        List<Future<Void>> probes = new ArrayList<>();
        for (ServiceHealth s : services.values()) {
            probes.add(probe(s));
        }
        return Future.join(probes).mapEmpty();
    }

    private Future<Void> probe(ServiceHealth s) {
        // no RequestOptions.setConnectTimeout: in Vert.x 5.0.7 its pool-wait timer can race the acquisition and leave
        // the request's future never completed (eclipse-vertx/vert.x#5966), which would stall every later probe
        // round; the whole probe is bounded by Future.timeout instead
        RequestOptions options = upstreams.get(s.domain()).request(HttpMethod.GET, config.path())
                .setTimeout(config.timeout().toMillis());
        return client.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(b -> new ProbeAnswer(resp.statusCode(), b)))
                .timeout(config.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .transform(ar -> {
                    if (ar.succeeded() && ar.result().status() == 200) {
                        if (!s.healthy()) {
                            LOG.info("{} service at {} is ready", s.domain().id(), s.url());
                        }
                        s.probePassed(ar.result().lagMs());
                    } else if (ar.succeeded() && ar.result().status() == HealthEndpoints.CATCHING_UP_STATUS) {
                        // behind is not broken: no reads meanwhile, nothing counted, the flag left alone
                        ServiceHealth.CatchingUp lag = ar.result().catchingUp();
                        if (s.catchingUp() == null) {
                            LOG.info("{} service at {} is catching up (lag {} ms, {} pending): its reads go to "
                                    + "Magento until it has", s.domain().id(), s.url(), lag.lagMs(), lag.pending());
                        }
                        s.probeCatchingUp(lag);
                    } else {
                        String error = ar.succeeded() ? "HTTP " + ar.result().status()
                                : FailureReason.classify(ar.cause()).label() + " (" + ar.cause().getMessage() + ")";
                        boolean wasHealthy = s.healthy();
                        s.probeFailed(error);
                        if (wasHealthy) {
                            LOG.warn("{} service at {} failed its probe: {}", s.domain().id(), s.url(), error);
                        }
                        if (s.everHealthy()) {
                            count(s, "probe " + config.path() + ": " + error);
                        }
                    }
                    return Future.succeededFuture();
                });
    }

    /** A probe's status code and body. */
    private record ProbeAnswer(int status, Buffer body) {
        /** The lag a ready body reports ({@code lag_ms}); -1 when it does not say. */
        long lagMs() {
            try {
                return Json.read(body.toString(StandardCharsets.UTF_8)).path("lag_ms").asLong(-1);
            } catch (RuntimeException e) {
                return -1;
            }
        }

        /** The lag a {@code catching_up} body reports ({@code lag_ms}, {@code pending}); -1 for what it lacks. */
        ServiceHealth.CatchingUp catchingUp() {
            try {
                JsonNode n = Json.read(body.toString(StandardCharsets.UTF_8));
                return new ServiceHealth.CatchingUp(n.path("lag_ms").asLong(-1), n.path("pending").asLong(-1));
            } catch (RuntimeException e) {
                return new ServiceHealth.CatchingUp(-1, -1);
            }
        }
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
