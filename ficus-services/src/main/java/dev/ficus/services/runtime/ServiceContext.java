package dev.ficus.services.runtime;

import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.fields.FieldsFilter;
import dev.ficus.magento.api.fields.FieldsParameter;
import dev.ficus.services.ServicesConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a domain's HTTP handlers need: the database, the configuration, the service's Magento REST routes, and a way to
 * answer from blocking JDBC code without holding the event loop.
 */
public final class ServiceContext {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceContext.class);

    private final Vertx vertx;
    private final DataSource dataSource;
    private final ServicesConfig config;
    private final RestRoutes routes;

    public ServiceContext(Vertx vertx, DataSource dataSource, ServicesConfig config, RestRoutes routes) {
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.config = config;
        this.routes = routes;
    }

    /** Where a domain adds its Magento paths ({@code /rest[/<store code>]/V1/…}). */
    public RestRoutes routes() {
        return routes;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public ServicesConfig config() {
        return config;
    }

    /**
     * Runs {@code query} on a worker thread and sends its answer. A {@link MagentoException} answers with its
     * Magento error (bad input, missing entity); any other failure answers 500 with Magento's masked
     * message (the details go to the log, never to the client), as Magento does outside developer mode.
     */
    public void answer(RoutingContext ctx, Callable<Answer> query) {
        vertx.executeBlocking(query, false).onComplete(ar -> {
            if (ctx.response().ended()) {
                return;
            }
            Answer a;
            if (ar.succeeded()) {
                a = ar.result();
            } else if (ar.cause() instanceof MagentoException m) {
                a = MagentoErrors.answer(m.error());
            } else {
                LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ar.cause());
                a = MagentoErrors.internalError();
            }
            send(ctx, a);
        });
    }

    /**
     * Sends {@code a}; a successful answer goes through the request's {@code ?fields=} first, as Magento filters every
     * successful REST answer (Webapi/Controller/Rest/SynchronousRequestProcessor), never an error. Without the
     * parameter the stored bytes go out untouched.
     */
    static final String FIELDS_CANNOT_APPLY = "The fields parameter selects names inside a list of plain values.";

    public static void send(RoutingContext ctx, Answer a) {
        send(ctx.response(), a.status() == 200 ? partial(ctx, a) : a);
    }

    private static Answer partial(RoutingContext ctx, Answer a) {
        Optional<FieldsFilter> fields = FieldsParameter.fromQuery(ctx.request().query());
        if (fields.isEmpty()) {
            return a;
        }
        try {
            return Answer.ok(fields.get().apply(a.body().getBytes()));
        } catch (IllegalStateException e) {
            // Where PHP's FieldsFilter meets a TypeError (a selection inside a list of scalars) Magento answers 500.
            // A read service answers no input with a 5xx (a 5xx is a failure to the gateway and to alerts), so this
            // one request is the client's error here, in Magento's error shape; the stand-in keeps Magento's 500.
            LOG.debug("{} {}: the fields selection cannot apply to this answer: {}", ctx.request().method(),
                    ctx.request().path(), e.getMessage());
            return MagentoErrors.answer(MagentoError.badRequest(FIELDS_CANNOT_APPLY, null));
        }
    }

    static void send(HttpServerResponse response, Answer a) {
        response.setStatusCode(a.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(a.body());
    }
}
