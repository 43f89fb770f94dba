package dev.ficus.services.runtime;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer of a read endpoint: a status and a JSON body, already rendered the way Magento renders it. Bodies
 * stored as bytes go out as they are, without a detour through a String.
 */
public record Answer(int status, Buffer body) {
    public Answer(int status, String json) {
        this(status, Buffer.buffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    public static Answer ok(String json) {
        return new Answer(200, json);
    }

    public static Answer ok(byte[] json) {
        return new Answer(200, Buffer.buffer(json));
    }

    /** The body as text (tests, logs). */
    public String json() {
        return body.toString(StandardCharsets.UTF_8);
    }
}
