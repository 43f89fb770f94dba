package dev.ficus.gateway.testing;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A blocking HTTP client for tests (Vert.x's, so that any method and any header can be sent). Requests start on one
 * Vert.x event loop, the way the gateway makes its own; the test thread only waits for the answer.
 */
public final class TestHttp implements AutoCloseable {
    public record Response(int status, MultiMap headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpClient client;
    private final Context context;

    public TestHttp(Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxHeaderSize(64 * 1024),
                new PoolOptions().setHttp1MaxSize(32));
        context = vertx.getOrCreateContext();
    }

    public Response get(String url, String... headerPairs) {
        return send("GET", url, null, headerPairs);
    }

    public Response send(String method, String url, String body, String... headerPairs) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setAbsoluteURI(url);
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            options.addHeader(headerPairs[i], headerPairs[i + 1]);
        }
        Promise<Response> promise = Promise.promise();
        context.runOnContext(v -> client.request(options)
                .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), resp.headers(), b.toString())))
                .onComplete(promise));
        try {
            return promise.future().await(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 15 s to " + method + " " + url);
        }
    }

    /** Sends the body with chunked transfer coding (no Content-Length: the size shows only as it streams). */
    public Response sendChunked(String method, String url, String body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setAbsoluteURI(url);
        Promise<Response> promise = Promise.promise();
        context.runOnContext(v -> client.request(options)
                .compose(req -> {
                    req.setChunked(true);
                    for (int i = 0; i < body.length(); i += 64 * 1024) {
                        req.write(body.substring(i, Math.min(body.length(), i + 64 * 1024)));
                    }
                    req.end();
                    return req.response();
                })
                .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), resp.headers(), b.toString())))
                .onComplete(promise));
        try {
            return promise.future().await(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 15 s to chunked " + method + " " + url);
        }
    }

    public Response send(String method, String url, String body, Map<String, String> headers) {
        String[] pairs = headers.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
        return send(method, url, body, pairs);
    }

    @Override
    public void close() {
        client.close().await();
    }
}
