package dev.ficus.gateway.admin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The admin page: one HTML page with its scripts (the page, its charts) and style sheet, read from the class path once, with no library
 * and nothing loaded from elsewhere. It holds no data itself; the script asks the person for the admin token, keeps
 * it in sessionStorage and calls the admin API with it. The page therefore needs no token to be served, and a strict
 * Content-Security-Policy (own origin only, no inline script) keeps anything a service or a flag value contains
 * from running as script next to that token.
 */
public final class AdminPage {
    private static final String RESOURCES = "/dev/ficus/gateway/admin/page/";
    /** Replaced in the page by the admin path prefix, so the page works under any gateway.admin.path_prefix. */
    private static final String PREFIX_MARK = "__FICUS_PREFIX__";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final String prefix;
    private final String html;
    private final String script;
    private final String charts;
    private final String style;

    public AdminPage(String prefix) {
        this.prefix = prefix;
        this.html = resource("index.html").replace(PREFIX_MARK, escapeAttribute(prefix));
        this.script = resource("app.js");
        this.charts = resource("charts.js");
        this.style = resource("app.css");
    }

    /** Serves the page at {@code <prefix>/admin} and at {@code pagePath} when that is not empty. */
    public void mount(Router router, String pagePath) {
        String home = prefix + "/admin";
        router.get(home).handler(ctx -> send(ctx, "text/html; charset=utf-8", html));
        if (!pagePath.isEmpty() && !pagePath.equals(home)) {
            router.get(pagePath).handler(ctx -> send(ctx, "text/html; charset=utf-8", html));
        }
        router.get(home + "/app.js").handler(ctx -> send(ctx, "text/javascript; charset=utf-8", script));
        router.get(home + "/charts.js").handler(ctx -> send(ctx, "text/javascript; charset=utf-8", charts));
        router.get(home + "/app.css").handler(ctx -> send(ctx, "text/css; charset=utf-8", style));
    }

    private static void send(RoutingContext ctx, String contentType, String body) {
        ctx.response()
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                // the page changes with the gateway's version; never serve one from an old cache
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }

    private static String resource(String name) {
        try (InputStream in = AdminPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("admin page resource missing from the class path: " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeAttribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
