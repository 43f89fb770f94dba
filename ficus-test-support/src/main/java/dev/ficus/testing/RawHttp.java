package dev.ficus.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends a request-target exactly as given, byte for byte: {@link java.net.http.HttpClient} refuses or re-encodes
 * the targets an attacker sends ({@code %} without hex digits, raw non-ASCII bytes, over-long lines).
 */
public final class RawHttp {
    private static final int TIMEOUT_MILLIS = 20_000;

    /** What came back: a status and body, or {@code status} 0 when the server closed without answering. */
    public record Reply(int status, String body) {
    }

    private RawHttp() {
    }

    public static Reply get(int port, String target) {
        return get(port, target, Map.of());
    }

    /** GET {@code target} (ISO-8859-1, so {@code "\u00ff"} sends the byte 0xFF) with {@code headers}. */
    public static Reply get(int port, String target, Map<String, String> headers) {
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Connection: close\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(s.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT_MILLIS + " ms to GET " + abbreviate(target), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) > 0; ) {
                buf.write(chunk, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer was sent (the server closed with our request unread) ends the reading
            if (buf.size() == 0) {
                throw e;
            }
        }
        return buf.toByteArray();
    }

    private static Reply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return new Reply(0, "");
        }
        int lineEnd = text.indexOf("\r\n");
        String[] statusLine = text.substring(0, lineEnd < 0 ? text.length() : lineEnd).split(" ", 3);
        int headEnd = text.indexOf("\r\n\r\n");
        String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
        return new Reply(Integer.parseInt(statusLine[1]), body);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "… (" + s.length() + " chars)";
    }
}
