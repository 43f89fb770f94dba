package dev.ficus.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ficus.core.config.Secret;
import dev.ficus.core.json.Json;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.flag.FlagHistoryEntry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API from the command line ({@code ficus flags list|enable|disable}): blocking calls, one exception type
 * whose message a person can act on.
 */
public final class FlagAdminClient {
    private static final ObjectMapper MAPPER = Json.mapper();

    private final URI api;
    private final Secret token;
    private final Duration timeout;
    private final HttpClient http;

    /** @param managementUrl the gateway's management port, such as {@code http://127.0.0.1:8001} */
    public FlagAdminClient(URI managementUrl, String pathPrefix, Secret token, Duration timeout) {
        String base = managementUrl.toString().replaceAll("/+$", "");
        this.api = URI.create(base + pathPrefix + "/api/");
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** A client for the gateway of this configuration on this machine (management port and prefix from the config). */
    public static FlagAdminClient local(GatewayConfig config) {
        int port = config.management().port() == 0 ? 8001 : config.management().port();
        return new FlagAdminClient(URI.create("http://127.0.0.1:" + port), config.admin().pathPrefix(),
                config.admin().token(), Duration.ofSeconds(10));
    }

    public List<FlagView> list() throws AdminApiException {
        JsonNode body = call("GET", "flags", null);
        List<FlagView> out = new ArrayList<>();
        for (JsonNode n : body.path("flags")) {
            out.add(MAPPER.convertValue(n, FlagView.class));
        }
        return out;
    }

    /** Turns a flag on ({@code value} true when null: use a percentage or rule for a partial rollout). */
    public FlagView enable(String flag, String value, String reason) throws AdminApiException {
        return set(flag, "enable", value, reason);
    }

    public FlagView disable(String flag, String reason) throws AdminApiException {
        return set(flag, "disable", null, reason);
    }

    private FlagView set(String flag, String action, String value, String reason) throws AdminApiException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reason", reason);
        if (value != null) {
            body.put("value", value);
        }
        String actor = System.getProperty("user.name");
        if (actor != null) {
            body.put("actor", actor);
        }
        return MAPPER.convertValue(call("POST", "flags/" + flag + "/" + action, Json.write(body)), FlagView.class);
    }

    private JsonNode call(String method, String path, String body) throws AdminApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token.reveal());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new AdminApiException("the gateway is not reachable at " + api + " (is `ficus gateway` running?)", e);
        } catch (IOException e) {
            throw new AdminApiException("calling the gateway at " + api + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminApiException("interrupted", e);
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AdminApiException(response.statusCode(), "the gateway answered HTTP " + response.statusCode()
                    + " with a body that is not JSON");
        }
        if (response.statusCode() / 100 != 2) {
            throw new AdminApiException(response.statusCode(), json.path("message").asText("HTTP " + response.statusCode()));
        }
        return json;
    }

    /** The text {@code ficus flags list} prints: one line per flag, then its source, problems and history. */
    public static String render(List<FlagView> flags) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-16s %-14s %-14s %-24s %s%n", "FLAG", "VALUE", "STATE", "RULE", "SERVICE"));
        for (FlagView f : flags) {
            ServiceView s = f.service();
            String service = s == null ? "" : s.name() + " " + (s.summary() != null ? s.summary()
                    : s.healthy() ? "healthy" : "unhealthy")
                    + (s.consecutiveFailures() > 0 ? ", " + s.consecutiveFailures() + " failures in a row" : "");
            sb.append(String.format("%-16s %-14s %-14s %-24s %s%n", f.flag(), f.value() == null ? "(unset)" : f.value(),
                    f.state() + (f.offLocally() ? "*" : ""), f.rule(), service));
        }
        for (FlagView f : flags) {
            sb.append(System.lineSeparator()).append(f.flag()).append(" — source: ").append(f.source())
                    .append(System.lineSeparator());
            if (f.offLocally()) {
                sb.append("  * off in this gateway only: the store could not be written").append(System.lineSeparator());
            }
            if (f.problem() != null) {
                sb.append("  problem: ").append(f.problem()).append(System.lineSeparator());
            }
            if (f.history().isEmpty()) {
                sb.append("  history: none").append(System.lineSeparator());
            }
            for (FlagHistoryEntry h : f.history()) {
                sb.append("  ").append(h.at()).append("  ").append(h.action()).append("  ")
                        .append(h.from() == null ? "(unset)" : h.from()).append(" -> ").append(h.to())
                        .append("  by ").append(h.by()).append(": ").append(h.reason()).append(System.lineSeparator());
                for (String e : h.errors()) {
                    sb.append("      ").append(e).append(System.lineSeparator());
                }
            }
        }
        return sb.toString();
    }
}
