package dev.ficus.gateway.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.config.Upstream;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow reads: after Magento has answered the client, the same read goes to the service and the two answers are
 * compared. Only answers Magento gave to a caller it served (200 or 404) are compared, so shadowing needs no token
 * check of its own; a {@code /customers/me} read goes to the service as {@code /customers/<id>} with the id from
 * Magento's answer.
 */
public final class ShadowReader {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowReader.class);
    private static final int MAX_DIFFERENCES = 20;

    private final HttpClient client;
    private final Map<Domain, Upstream> services;
    private final Duration timeout;
    private final JsonComparator comparator;
    private final ShadowRecorder recorder;
    private final int maxBody;

    public ShadowReader(HttpClient client, Map<Domain, Upstream> services, Duration timeout,
                        JsonComparator comparator, ShadowRecorder recorder, int maxBody) {
        this.client = client;
        this.services = services;
        this.timeout = timeout;
        this.comparator = comparator;
        this.recorder = recorder;
        this.maxBody = maxBody;
    }

    public ShadowTap tap() {
        return new ShadowTap(maxBody);
    }

    /** Runs the shadow read for a finished Magento answer. */
    public void compare(Domain domain, String uri, MultiMap headers, int magentoStatus, String magentoEncoding,
                        ShadowTap tap) {
        if ((magentoStatus != 200 && magentoStatus != 404) || tap.tooLarge()) {
            recorder.skipped(domain);
            return;
        }
        JsonNode magento;
        try {
            magento = magentoStatus == 200 ? parse(tap.body(), magentoEncoding) : null;
        } catch (IOException | UncheckedIOException e) {
            recorder.skipped(domain);
            return;
        }
        String serviceUri = uri;
        if (magento != null && uri.split("\\?", 2)[0].endsWith("/customers/me")) {
            JsonNode id = magento.get("id");
            if (id == null || !id.canConvertToLong()) {
                recorder.skipped(domain);
                return;
            }
            serviceUri = uri.replaceFirst("/customers/me(?=$|\\?)", "/customers/" + id.asLong());
            headers.set("X-Ficus-Customer-Id", Long.toString(id.asLong()));
        }
        headers.remove("Accept-Encoding");
        headers.set("X-Ficus-Shadow", "1");
        RequestOptions options = services.get(domain).request(HttpMethod.GET, serviceUri).setHeaders(headers)
                .setTimeout(timeout.toMillis());
        JsonNode magentoJson = magento;
        client.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> new Object[]{resp.statusCode(), body,
                        resp.getHeader("Content-Encoding")}))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        LOG.debug("shadow read of {} failed: {}", uri, ar.cause().toString());
                        recorder.error(domain);
                        return;
                    }
                    int status = (Integer) ar.result()[0];
                    record(domain, uri, magentoStatus, magentoJson, status, (Buffer) ar.result()[1],
                            (String) ar.result()[2]);
                });
    }

    private void record(Domain domain, String uri, int magentoStatus, JsonNode magento, int serviceStatus,
                        Buffer serviceBody, String serviceEncoding) {
        if (serviceStatus != magentoStatus) {
            recorder.difference(domain, difference(domain, uri, magentoStatus, serviceStatus,
                    List.of("status: magento=" + magentoStatus + " service=" + serviceStatus)));
            return;
        }
        if (magento == null) {
            recorder.match(domain);
            return;
        }
        JsonNode service;
        try {
            service = parse(serviceBody, serviceEncoding);
        } catch (IOException | UncheckedIOException e) {
            recorder.difference(domain, difference(domain, uri, magentoStatus, serviceStatus,
                    List.of("the service's answer is not JSON")));
            return;
        }
        List<String> differences = comparator.differences(magento, service, MAX_DIFFERENCES);
        if (differences.isEmpty()) {
            recorder.match(domain);
        } else {
            recorder.difference(domain, difference(domain, uri, magentoStatus, serviceStatus, differences));
        }
    }

    private static ShadowDifference difference(Domain d, String uri, int m, int s, List<String> differences) {
        return new ShadowDifference(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), d.id(), uri, m, s,
                differences);
    }

    private static JsonNode parse(Buffer body, String encoding) throws IOException {
        byte[] bytes = body.getBytes();
        if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        } else if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            throw new IOException("cannot compare a " + encoding + " body");
        }
        return Json.read(new String(bytes, StandardCharsets.UTF_8));
    }
}
