package dev.ficus.gateway.health;

import dev.ficus.core.json.Json;
import dev.ficus.gateway.metrics.GatewayMetrics;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to a Slack-compatible incoming webhook ({@code {"text": "…"}}). Fire and forget: a webhook that is
 * down or slow is logged and counted, and never holds up a request.
 */
public final class WebhookAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlerts.class);

    private final HttpClient client;
    private final String url;
    private final Duration timeout;
    private final GatewayMetrics metrics;

    public WebhookAlerts(HttpClient client, String url, Duration timeout, GatewayMetrics metrics) {
        this.client = client;
        this.url = url;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    public void post(String text) {
        if (url.isEmpty()) {
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setTimeout(timeout.toMillis()).putHeader("Content-Type", "application/json");
        client.request(options)
                .compose(req -> req.send(Json.write(Map.of("text", text))))
                .compose(resp -> resp.body().map(body -> resp.statusCode()))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result() / 100 == 2) {
                        metrics.alert("sent");
                    } else {
                        metrics.alert("failed");
                        LOG.warn("alert webhook did not take the alert: {}",
                                ar.succeeded() ? "HTTP " + ar.result() : ar.cause().toString());
                    }
                });
    }
}
