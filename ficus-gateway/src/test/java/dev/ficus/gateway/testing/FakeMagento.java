package dev.ficus.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

/**
 * A stand-in for Magento's REST API on a free port: routed reads with Magento's ACL rules and 401/404 bodies, and an
 * echo for everything else (writes), recording every request it gets.
 *
 * <p>Tokens: {@code admin-token} may read everything; {@code catalog-integration} only products (an integration
 * whose role allows Magento_Catalog::products alone); {@code customer-<id>} is a customer token of customer id.
 */
public final class FakeMagento implements AutoCloseable {
    public static final String ADMIN = "admin-token";
    public static final String CATALOG_INTEGRATION = "catalog-integration";

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile boolean anonymousCatalog;

    public FakeMagento(Vertx vertx) {
        server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
                        // as large as what the gateway lets through (NGINX in front of Magento allows 8 KiB lines)
                        .setMaxInitialLineLength(16 * 1024).setMaxHeaderSize(32 * 1024)).requestHandler(this::handle).listen(0, "127.0.0.1").await();
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public void anonymousCatalog(boolean allowed) {
        this.anonymousCatalog = allowed;
    }

    public List<Recorded> requests() {
        return requests;
    }

    /** Requests other than token checks (whose paths the gateway configuration names). */
    public List<Recorded> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpServerRequest req) {
        if (req.path().startsWith("/slow")) {
            // never answers: a Magento that hangs
            return;
        }
        if (req.path().equals("/big")) {
            int bytes = Integer.parseInt(req.getParam("bytes"));
            req.response().putHeader("Content-Type", "application/octet-stream").setChunked(true);
            io.vertx.core.buffer.Buffer chunk = io.vertx.core.buffer.Buffer.buffer("x".repeat(64 * 1024));
            int sent = 0;
            while (sent + chunk.length() <= bytes) {
                req.response().write(chunk);
                sent += chunk.length();
            }
            req.response().end("x".repeat(bytes - sent));
            return;
        }
        req.body().onSuccess(body -> {
            requests.add(new Recorded(req.method().name(), req.uri(), req.headers().copy(), body.toString()));
            String path = req.path();
            boolean read = req.method().name().equals("GET") || req.method().name().equals("HEAD");
            Shapes.Answer answer = read ? Shapes.read(path) : null;
            if (answer == null) {
                String echo = dev.ficus.core.json.Json.write(Map.of("source", "magento", "method", req.method().name(),
                        "uri", req.uri(), "body_length", body.length()));
                req.response().putHeader("Content-Type", "application/json").putHeader("X-Magento", "1").end(echo);
                return;
            }
            String refusal = refusal(path, bearer(req));
            if (refusal != null) {
                req.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                        .putHeader("X-Magento", "1").end(refusal);
                return;
            }
            if (Shapes.CUSTOMER_ME.matcher(path).matches()) {
                long id = Long.parseLong(bearer(req).substring("customer-".length()));
                answer = new Shapes.Answer(200, Shapes.customer(id));
            }
            req.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                    .putHeader("X-Magento", "1").end(answer.body());
        });
    }

    /** Magento's 401 body when the token may not read this path, else null. */
    private String refusal(String path, String token) {
        Matcher me = Shapes.CUSTOMER_ME.matcher(path);
        if (me.matches()) {
            return token != null && token.matches("customer-[0-9]{1,9}") ? null
                    : "{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":"
                    + "{\"resources\":\"self\"}}";
        }
        String resource;
        if (Shapes.PRODUCT.matcher(path).matches() || Shapes.PRODUCTS.matcher(path).matches()) {
            if (anonymousCatalog) {
                return null;
            }
            resource = "Magento_Catalog::products";
            if (CATALOG_INTEGRATION.equals(token)) {
                return null;
            }
        } else if (Shapes.CUSTOMER.matcher(path).matches()) {
            resource = "Magento_Customer::customer";
        } else if (Shapes.ORDER.matcher(path).matches() || Shapes.ORDERS.matcher(path).matches()) {
            resource = "Magento_Sales::sales";
        } else {
            resource = "Magento_CatalogInventory::cataloginventory";
        }
        if (ADMIN.equals(token)) {
            return null;
        }
        return "{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":{\"resources\":\""
                + resource + "\"}}";
    }

    /**
     * The bearer token as Magento reads it (Integration/Model/Authorization/TokenUserContext::processRequest): the
     * value exploded at single spaces must give two pieces, the first "bearer" in any case; else the caller is a guest.
     */
    private static String bearer(HttpServerRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null) {
            return null;
        }
        String[] pieces = h.split(" ", -1);
        return pieces.length == 2 && pieces[0].equalsIgnoreCase("bearer") ? pieces[1] : null;
    }

    @Override
    public void close() {
        server.close().await();
    }
}
