package dev.ficus.gateway.proxy;

import dev.ficus.core.json.Json;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Answers the gateway gives itself (a limit was passed, Magento could not be reached): Magento's error shape,
 * {@code {"message": "…"}}, so clients that parse Magento's errors can read them. The messages are fixed texts: they
 * never repeat what the client sent and never name a setting (the log line about it does, see
 * {@link dev.ficus.gateway.edge.EdgeLog}).
 */
public final class GatewayErrors {
    public static final String BODY_TOO_LARGE = "The request body is too large.";
    public static final String HEAD_TOO_LARGE = "The request headers are too large.";
    public static final String LINE_TOO_LONG = "The request line is too long.";
    public static final String MALFORMED = "The request is malformed.";
    public static final String BODY_TIMEOUT = "The request body did not arrive in time.";
    public static final String HEAD_TIMEOUT = "The request headers did not arrive in time.";
    public static final String MAGENTO_TIMEOUT = "Magento did not answer in time.";
    public static final String MAGENTO_UNREACHABLE = "Magento cannot be reached.";

    private static final long LINGER_MS = 5_000;

    /**
     * A whole HTTP/1.1 response, as bytes, that closes the connection: for the places that answer below the HTTP
     * encoder (a request head that never arrived whole has no request object to answer).
     */
    public static byte[] rawClosing(int status, String reason, String message, boolean backendHeader) {
        byte[] body = Json.write(Map.of("message", message)).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json; charset=utf-8\r\n"
                + (backendHeader ? Headers.BACKEND + ": gateway\r\n" : "")
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] out = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + body.length);
        System.arraycopy(body, 0, out, head.length(), body.length);
        return out;
    }

    private GatewayErrors() {
    }

    /**
     * Sends the error; with {@code close}, the connection is closed after it (the rest of an unread request body
     * must not be taken for the next request).
     */
    public static void send(HttpServerRequest req, int status, String message, boolean backendHeader, boolean close) {
        HttpServerResponse resp = req.response();
        if (resp.headWritten() || resp.ended()) {
            if (close && !resp.ended()) {
                resp.reset();
            }
            return;
        }
        resp.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8");
        if (backendHeader) {
            resp.putHeader(Headers.BACKEND, "gateway");
        }
        if (close) {
            resp.putHeader("Connection", "close");
        }
        body(req, message).onComplete(v -> {
            if (close && req.connection() != null) {
                req.connection().close();
            }
        });
    }

    /**
     * Refuses a request whose body is too large. Clients write their whole body before they read the answer, so the
     * rest of the body is read and dropped (for a few seconds at most) before the connection closes; closing at once
     * would make most clients report a broken connection instead of the 413.
     */
    public static void refuseBody(HttpServerRequest req, String message, boolean backendHeader) {
        HttpServerResponse resp = req.response();
        if (resp.headWritten() || resp.ended()) {
            if (!resp.ended()) {
                resp.reset();
            }
            return;
        }
        resp.setStatusCode(413).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Connection", "close");
        if (backendHeader) {
            resp.putHeader(Headers.BACKEND, "gateway");
        }
        body(req, message);
        Context context = Vertx.currentContext();
        long timer = context == null ? -1 : context.owner().setTimer(LINGER_MS, id -> closeConnection(req));
        req.handler(chunk -> {
        });
        req.exceptionHandler(t -> closeConnection(req));
        req.endHandler(v -> {
            if (timer >= 0) {
                context.owner().cancelTimer(timer);
            }
            closeConnection(req);
        });
        req.resume();
    }

    /**
     * Ends the response with the error body, or without one for HEAD: Vert.x leaves out a HEAD answer's body only on
     * requests it parsed, not on those the decoder refused, and a body after a HEAD answer reads as the next answer.
     */
    private static Future<Void> body(HttpServerRequest req, String message) {
        HttpServerResponse resp = req.response();
        if (req.method() == HttpMethod.HEAD) {
            return resp.end();
        }
        return resp.end(Json.write(Map.of("message", message)));
    }

    private static void closeConnection(HttpServerRequest req) {
        if (req.connection() != null) {
            req.connection().close();
        }
    }
}
