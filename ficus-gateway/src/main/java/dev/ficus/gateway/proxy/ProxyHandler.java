package dev.ficus.gateway.proxy;

import dev.ficus.events.Domain;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.config.Upstream;
import dev.ficus.gateway.auth.Access;
import dev.ficus.gateway.auth.AccessPolicy;
import dev.ficus.gateway.auth.AccessRule;
import dev.ficus.gateway.auth.Tokens;
import dev.ficus.gateway.edge.EdgeLog;
import dev.ficus.gateway.edge.RequestTarget;
import dev.ficus.gateway.flag.Caller;
import dev.ficus.gateway.flag.FlagRule;
import dev.ficus.gateway.flag.Flags;
import dev.ficus.gateway.health.FailureReason;
import dev.ficus.gateway.health.HealthMonitor;
import dev.ficus.gateway.metrics.GatewayMetrics;
import dev.ficus.gateway.route.RouteMatch;
import dev.ficus.gateway.route.RouteTable;
import dev.ficus.gateway.shadow.ShadowReader;
import dev.ficus.gateway.shadow.ShadowTap;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's promise, request by request: a read (GET or HEAD without a body) of a routed path goes to the
 * domain's service only when its flag selects this caller, the service is healthy, and Magento would serve this
 * caller; if the service then fails, Magento answers at once, and so it does when the service says that one entity
 * does not exist (the service may lag behind Magento). Every other request goes to Magento, whatever the flags.
 */
public final class ProxyHandler implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

    private final GatewayConfig config;
    private final RouteTable routes;
    private final Flags flags;
    private final HealthMonitor health;
    private final AccessPolicy access;
    private final ShadowReader shadow;
    private final GatewayMetrics metrics;
    private final MagentoForwarder magento;
    private final ServiceCaller services;

    public ProxyHandler(Vertx vertx, GatewayConfig config, Upstream magentoUpstream, RouteTable routes, Flags flags,
                        HealthMonitor health, AccessPolicy access, ShadowReader shadow, GatewayMetrics metrics,
                        HttpClient magentoClient, HttpClient serviceClient) {
        this.config = config;
        this.routes = routes;
        this.flags = flags;
        this.health = health;
        this.access = access;
        this.shadow = shadow;
        this.metrics = metrics;
        this.magento = new MagentoForwarder(vertx, magentoClient, magentoUpstream, config, metrics);
        this.services = new ServiceCaller(vertx, serviceClient, config.serviceUpstreams(), config.timeouts().service(),
                config.limits().fallbackBuffer());
    }

    @Override
    public void handle(HttpServerRequest req) {
        boolean body = Headers.hasBody(req);
        if (body) {
            // nothing may be read before we know where the body goes
            req.pause();
        }
        Exchange ex = new Exchange(req, metrics);
        RequestTarget target = RequestTarget.parse(req.method().name(), req.uri());
        if (target instanceof RequestTarget.Refused refused) {
            EdgeLog.TARGET.note("a request target was refused with " + refused.status() + " ("
                    + refused.message() + ")");
            GatewayErrors.send(req, refused.status(), refused.message(), config.backendHeaders(), true);
            return;
        }
        RequestTarget.Proxied proxied = (RequestTarget.Proxied) target;
        String length = req.getHeader("Content-Length");
        if (length != null && tooLarge(length.strip())) {
            refuseBody(req);
            return;
        }
        ex.route(routes.resolve(proxied.path()), proxied.query());
        RouteMatch match = ex.route();
        boolean read = req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD;
        if (match.domain().isEmpty() || !read || body) {
            magento.forward(ex, null, null);
            return;
        }
        read(ex, match.domain().get());
    }

    private void refuseBody(HttpServerRequest req) {
        EdgeLog.BODY_SIZE.note("a request body over gateway.limits.max_body_size ("
                + config.limits().maxBodySize() + " bytes) was refused with 413");
        GatewayErrors.refuseBody(req, GatewayErrors.BODY_TOO_LARGE, config.backendHeaders());
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length) > config.limits().maxBodySize();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void read(Exchange ex, Domain domain) {
        FlagRule rule = flags.rule(domain);
        switch (rule.mode()) {
            case OFF -> magento.forward(ex, null, null);
            case SHADOW -> magento.forward(ex, null, ex.request().method() == HttpMethod.GET
                    && rule.selects(domain.flag(), anonymousCaller(ex)) ? shadowTap(ex, domain) : null);
            case ON, ROLLOUT -> routed(ex, domain, rule);
        }
    }

    private void routed(Exchange ex, Domain domain, FlagRule rule) {
        if (!health.healthy(domain)) {
            fallback(ex, domain, health.catchingUp(domain) ? FailureReason.CATCHING_UP : FailureReason.UNHEALTHY);
            return;
        }
        access.check(domain, ex.route().upstreamPath(), ex.request().headers())
                .compose(a -> {
                    if (!a.allowed() || rule.mode() == FlagRule.Mode.ON) {
                        return Future.succeededFuture(new Decision(a, a.allowed()));
                    }
                    return selected(ex, domain, rule, a).map(yes -> new Decision(a, yes));
                })
                .onComplete(ar -> ex.onRequestThread(() -> {
                    if (ar.failed()) {
                        LOG.warn("routing {} failed, sending it to Magento: {}", ex.upstreamUri(), ar.cause().toString());
                        magento.forward(ex, null, null);
                    } else if (ar.result().toService()) {
                        service(ex, domain, ar.result().access());
                    } else {
                        magento.forward(ex, null, null);
                    }
                }));
    }

    /** Where a routed read goes once the caller is known. */
    private record Decision(Access access, boolean toService) {
    }

    /** Whether a rollout selects this caller; the customer id comes from Magento when the rule needs it. */
    private Future<Boolean> selected(Exchange ex, Domain domain, FlagRule rule, Access a) {
        Caller caller = caller(ex, a.customerId(), a.tokenHash());
        if (caller.customerId() == null && a.tokenHash() != null && rule.needsCustomerId()) {
            return access.customerId(ex.request().headers())
                    .map(id -> rule.selects(domain.flag(), caller.withCustomerId(id)));
        }
        return Future.succeededFuture(rule.selects(domain.flag(), caller));
    }

    private void service(Exchange ex, Domain domain, Access a) {
        HttpServerRequest req = ex.request();
        MultiMap headers = Headers.forUpstream(req, config.trustForwardedHeaders());
        // the gateway has checked the caller with Magento; services never see tokens
        headers.remove("Authorization");
        String uri = ex.upstreamUri();
        if (a.customerId() != null && AccessRule.of(domain, ex.route().upstreamPath()) == AccessRule.CUSTOMER_SELF) {
            uri = uri.replaceFirst("/customers/me(?=$|\\?)", "/customers/" + a.customerId());
            headers.set(Headers.CUSTOMER_ID, a.customerId());
        }
        boolean confirmNotFound = config.fallback().confirmNotFound() && ex.route().entity();
        services.call(domain, req.method(), uri, headers, confirmNotFound).onComplete(ar -> ex.onRequestThread(() -> {
            if (ar.succeeded()) {
                health.readSucceeded(domain);
                reply(ex, domain, ar.result());
            } else if (ar.cause() instanceof EntityNotFoundException) {
                // lag, not failure: it proves neither a broken nor a working service, so the count stays as it is
                fallback(ex, domain, FailureReason.NOT_FOUND);
            } else {
                FailureReason reason = ar.cause() instanceof ServerErrorException
                        ? FailureReason.SERVER_ERROR : FailureReason.classify(ar.cause());
                if (reason.unreachable()) {
                    health.unreachable(domain);
                }
                String detail = String.valueOf(ar.cause().getMessage());
                metrics.fallback(domain, reason.label());
                magento.forward(ex, reason.label(), null,
                        status -> judgeFailure(ex, domain, reason, detail, status));
            }
        }));
    }

    /**
     * A failed read counts toward the auto-disable only when Magento then served the same read (2xx): then the
     * service failed where it should have answered. When Magento refused it too (4xx) the request was the client's
     * problem, and when Magento failed as well nothing shows that the service is the one at fault; either way a
     * client must not be able to switch a domain off by what it sends.
     */
    private void judgeFailure(Exchange ex, Domain domain, FailureReason reason, String detail, int magentoStatus) {
        if (magentoStatus >= 200 && magentoStatus < 300) {
            health.readFailed(domain, reason, detail);
            return;
        }
        String magento = magentoStatus == 0 ? "failed" : (magentoStatus / 100) + "xx";
        metrics.uncountedFailure(domain, reason.label(), magento);
        EdgeLog.UNCOUNTED_FAILURE.note("a read of the " + domain.id() + " service failed (" + reason.label() + ": "
                + detail + ") but was not counted toward auto-disable: Magento answered the same read "
                + (magentoStatus == 0 ? "with no answer" : "with " + magentoStatus) + " ("
                + ex.request().method() + " " + ex.route().upstreamPath() + ")");
    }

    private void fallback(Exchange ex, Domain domain, FailureReason reason) {
        metrics.fallback(domain, reason.label());
        magento.forward(ex, reason.label(), null);
    }

    private void reply(Exchange ex, Domain domain, ServiceReply reply) {
        HttpServerResponse resp = ex.request().response();
        if (resp.ended() || resp.headWritten()) {
            if (!reply.complete()) {
                reply.rest().request().reset();
            }
            return;
        }
        ex.backend(domain.id());
        HttpClientResponse r = reply.response();
        boolean head = ex.request().method() == HttpMethod.HEAD;
        resp.setStatusCode(r.statusCode());
        if (r.statusMessage() != null) {
            resp.setStatusMessage(r.statusMessage());
        }
        Headers.copyResponse(r.headers(), resp.headers(), head || !reply.complete());
        if (config.backendHeaders()) {
            resp.putHeader(Headers.BACKEND, domain.id());
        }
        if (reply.complete()) {
            if (Relay.hasBody(ex.request().method().name(), r.statusCode())) {
                resp.end(reply.head());
            } else {
                resp.end();
            }
            return;
        }
        if (r.getHeader("Content-Length") == null) {
            resp.setChunked(true);
        }
        resp.write(reply.head());
        Relay.body(reply.rest(), ex, null, null);
    }

    private Caller caller(Exchange ex, String customerId, String tokenHash) {
        HttpServerRequest req = ex.request();
        return new Caller(customerId, tokenHash, Headers.cookie(req, config.flags().stickyCookie()),
                Headers.clientIp(req, config.trustForwardedHeaders()), req::getHeader);
    }

    /** The caller as far as the request shows without asking Magento (for sampling shadow reads). */
    private Caller anonymousCaller(Exchange ex) {
        String hash = Tokens.bearer(ex.request().headers().getAll("Authorization")).map(Tokens::hash).orElse(null);
        return caller(ex, null, hash);
    }

    private MagentoForwarder.Tap shadowTap(Exchange ex, Domain domain) {
        ShadowTap tap = shadow.tap();
        MultiMap headers = Headers.forUpstream(ex.request(), config.trustForwardedHeaders());
        headers.remove("Authorization");
        String uri = ex.upstreamUri();
        return new MagentoForwarder.Tap() {
            @Override
            public void chunk(Buffer chunk) {
                tap.add(chunk);
            }

            @Override
            public void done(int status, MultiMap responseHeaders) {
                shadow.compare(domain, uri, headers, status, responseHeaders.get("Content-Encoding"), tap);
            }
        };
    }
}
