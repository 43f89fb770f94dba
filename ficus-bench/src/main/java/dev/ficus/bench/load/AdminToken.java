package dev.ficus.bench.load;

import dev.ficus.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Magento's admin bearer token ({@code POST /rest/V1/integration/admin/token}), which the bench's reads carry. */
public final class AdminToken {
    private AdminToken() {
    }

    /** Logs in at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}) and returns the token. */
    public static String fetch(String baseUrl, String user, String password) {
        String body = Json.write(java.util.Map.of("username", user, "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/rest/V1/integration/admin/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // the body is Magento's error message, never the password
                throw new IllegalStateException("admin login at " + baseUrl + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return Json.read(response.body()).asText();
        } catch (IOException e) {
            throw new IllegalStateException("admin login at " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while logging in at " + baseUrl, e);
        }
    }
}
