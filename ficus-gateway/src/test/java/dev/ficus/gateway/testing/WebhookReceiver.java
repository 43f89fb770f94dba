package dev.ficus.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local Slack-style webhook that records the alerts posted to it. */
public final class WebhookReceiver implements AutoCloseable {
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public WebhookReceiver(Vertx vertx) {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            posts.add(b.toString());
            req.response().end("ok");
        })).listen(0, "127.0.0.1").await();
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks/ficus";
    }

    public List<String> posts() {
        return posts;
    }

    @Override
    public void close() {
        server.close().await();
    }
}
