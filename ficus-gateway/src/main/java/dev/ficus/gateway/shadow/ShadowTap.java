package dev.ficus.gateway.shadow;

import io.vertx.core.buffer.Buffer;

/**
 * Collects Magento's answer as it streams to the client, up to a size; when the answer is complete, the shadow read
 * runs. The client never waits for it.
 */
public final class ShadowTap {
    private final int maxBody;
    private final Buffer body = Buffer.buffer();
    private boolean tooLarge;

    ShadowTap(int maxBody) {
        this.maxBody = maxBody;
    }

    public void add(Buffer chunk) {
        if (tooLarge) {
            return;
        }
        if (body.length() + chunk.length() > maxBody) {
            tooLarge = true;
            return;
        }
        body.appendBuffer(chunk);
    }

    boolean tooLarge() {
        return tooLarge;
    }

    Buffer body() {
        return body;
    }
}
