package dev.ficus.bench.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.stream.RedisClients;
import dev.ficus.devstack.redis.RespClient;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.Domain;
import dev.ficus.events.SnapshotMark;
import dev.ficus.events.SourcePosition;
import dev.ficus.gateway.Gateway;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.services.runtime.ServiceRuntime;
import dev.ficus.sync.publish.TopicPublisher;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The regression of issue 16: a big snapshot made the catalog service's readiness fail, the gateway counted three
 * failed probes and turned catalog_read off. Here everything is real — the seeded stand-in, the sync's snapshot in
 * Redis, the catalog service on PostgreSQL, the gateway with a flag directory — and the service is held behind the
 * way a snapshot in progress holds it: the topics have the snapshot's events but not yet its end mark. The gateway
 * probes it many more times than its failure threshold; the flag stays on, Magento answers with
 * {@code X-Ficus-Fallback: catching-up}; once the mark arrives, reads go to the service by themselves.
 */
class CatchingUpThroughTheGatewayIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCatalogApplyingItsSnapshotKeepsItsFlagAndGetsItsReadsBackOnceComplete() throws Exception {
        try (BenchStack stack = BenchStack.start(line -> { })) {
            // the snapshot is in the topics; its end is not (the sync is still snapshotting, as far as anyone knows)
            for (String topic : Domain.CATALOG.topics()) {
                assertThat(deleteMarks(stack, topic)).as("marks on %s", topic).isPositive();
            }
            ServiceRuntime catalog = stack.startService(Domain.CATALOG).runtime(Domain.CATALOG);
            int catalogPort = stack.servicePort(Domain.CATALOG);
            Path flags = stack.workDir().resolve("flags");
            Files.createDirectories(flags);
            Files.writeString(flags.resolve("catalog_read"), "true\n");
            try (Gateway gateway = startGateway(stack, catalogPort, flags)) {
                String product = "http://127.0.0.1:" + gateway.port() + stack.readPaths(Domain.CATALOG).get(0);
                // the whole snapshot applied, and still catching up: no mark, so no answers from a partial set
                await().atMost(Duration.ofSeconds(60)).until(catalog::caughtUp);
                int threshold = 3;
                await().atMost(Duration.ofSeconds(30)).until(() -> catchingUpProbes(catalog) > 3 * threshold);

                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> r = get(stack, product);
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.headers().firstValue("X-Ficus-Backend")).hasValue("magento");
                    assertThat(r.headers().firstValue("X-Ficus-Fallback")).hasValue("catching-up");
                }
                assertThat(Files.readString(flags.resolve("catalog_read")).strip()).isEqualTo("true");
                assertThat(Files.exists(flags.resolve("catalog_read.history"))).as("flag history").isFalse();
                assertThat(gateway.registry().scrape()).doesNotContain("ficus_gateway_auto_disables_total{"
                        + "component=\"gateway\",flag=\"catalog_read\"} 1.0");

                markTheSnapshotEnd(stack);
                await().atMost(Duration.ofSeconds(30)).until(() -> get(stack, product).headers()
                        .firstValue("X-Ficus-Backend").orElse("").equals("catalog"));
                HttpResponse<String> served = get(stack, product);
                assertThat(served.headers().firstValue("X-Ficus-Fallback")).isEmpty();
                assertThat(Files.readString(flags.resolve("catalog_read")).strip()).isEqualTo("true");
            }
        }
    }

    /** Readiness probes the catalog answered with 202 catching_up (its own request counter). */
    private static long catchingUpProbes(ServiceRuntime catalog) {
        return catalog.registry().find("http.request.duration").tag("route", "/health/ready").tag("status", "202")
                .timers().stream().mapToLong(Timer::count).sum();
    }

    /** Deletes the end-of-snapshot marks from {@code topic}; returns how many there were. */
    private static int deleteMarks(BenchStack stack, String topic) throws Exception {
        try (RespClient redis = RespClient.connect(stack.platform().redis(), Duration.ofSeconds(5))) {
            List<String> marks = new ArrayList<>();
            for (Object entry : (List<?>) redis.command("XRANGE", topic, "-", "+")) {
                List<?> e = (List<?>) entry;
                List<?> fields = (List<?>) e.get(1);
                for (int i = 0; i + 1 < fields.size(); i += 2) {
                    if (CloudEventCodec.isSnapshotMark(text(fields.get(i + 1)))) {
                        marks.add(text(e.get(0)));
                    }
                }
            }
            for (String id : marks) {
                redis.command("XDEL", topic, id);
            }
            return marks.size();
        }
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(o);
    }

    /** What the sync does when its snapshot is over: a mark on every domain topic, through its own publisher. */
    private static void markTheSnapshotEnd(BenchStack stack) throws Exception {
        Vertx vertx = Vertx.vertx();
        Redis redis = RedisClients.create(vertx, stack.platform().redis(), 1);
        try {
            TopicPublisher publisher = TopicPublisher.onRedis(redis, 0, "ficus-sync", Duration.ofSeconds(10));
            SourcePosition at = new SourcePosition("mariadb-bin.000001", 4, 0, 0, null, System.currentTimeMillis(),
                    false);
            List<SnapshotMark> marks = new ArrayList<>();
            for (String topic : Domain.CATALOG.topics()) {
                marks.add(new SnapshotMark(topic, at, Instant.now()));
            }
            publisher.publishMarks(marks);
        } finally {
            redis.close();
            vertx.close();
        }
    }

    private static Gateway startGateway(BenchStack stack, int catalogPort, Path flags) {
        StringBuilder yaml = new StringBuilder("gateway:\n  host: 127.0.0.1\n  port: 0\n  management:\n    port: 0\n"
                + "  services:\n");
        for (Domain d : Domain.values()) {
            yaml.append("    ").append(d.id()).append(": http://127.0.0.1:")
                    .append(d == Domain.CATALOG ? catalogPort : 1).append('\n');
        }
        yaml.append("  flags:\n    store: directory\n    path: ").append(flags).append("\n    reload_interval: 100ms\n");
        yaml.append("  health:\n    interval: 100ms\n    timeout: 2s\n");
        GatewayConfig config = ConfigLoader.load(ConfigSource.fromYaml(yaml.toString(), Map.of()),
                List.of(GatewayConfig.SECTION)).get(GatewayConfig.SECTION);
        return Gateway.start(config, stack.magento());
    }

    private static HttpResponse<String> get(BenchStack stack, String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        stack.readHeaders().forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
