package dev.ficus.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The Magento stand-in's REST API as an admin integration sees it: the reference the events are compared with. */
final class StandInRest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    StandInRest(String baseUrl, String user, String password) throws Exception {
        this.base = baseUrl + "/rest/V1";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/integration/admin/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("username", user,
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("admin token: HTTP " + r.statusCode() + " " + r.body());
        }
        this.token = Json.read(r.body()).asText();
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return Json.read(r.body());
    }

    /** A write (POST, PUT, DELETE) with a JSON body; returns the response body, failing on anything but 200. */
    JsonNode send(String method, String path, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return Json.read(r.body());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
