package dev.ficus.gateway.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One TCP connection that sends exactly the bytes a test gives it (an HTTP client library would refuse or repair the
 * malformed requests the gateway must withstand) and reads HTTP/1.1 responses: by Content-Length, chunked, or up to
 * the connection's close.
 */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** A response as read: status 0 when the connection closed (or the deadline passed) before a status line. */
    public record Response(int status, String head, String body, boolean closed) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    public RawClient(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawClient send(String raw) {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawClient send(byte[] raw) {
        try {
            out.write(raw);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sends and reads one response. */
    public static Response exchange(int port, String raw, Duration deadline) {
        try (RawClient c = new RawClient(port)) {
            return c.send(raw).read(deadline);
        }
    }

    /** Reads one response, or what came before the connection closed or the deadline passed. */
    public Response read(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int matched = 0;
            while (matched < 4) {
                int b = readByte(end);
                if (b < 0) {
                    return new Response(0, head.toString(StandardCharsets.ISO_8859_1), "", b == -1);
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1);
            String[] statusLine = headText.split("\r\n", 2)[0].split(" ", 3);
            int status = Integer.parseInt(statusLine[1]);
            Response partial = new Response(status, headText, "", false);
            String length = partial.header("Content-Length");
            String te = partial.header("Transfer-Encoding");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean closed = false;
            if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                closed = readChunked(body, end);
            } else if (length != null) {
                for (long n = Long.parseLong(length); n > 0; n--) {
                    int b = readByte(end);
                    if (b < 0) {
                        closed = b == -1;
                        break;
                    }
                    body.write(b);
                }
            } else if (status >= 200 && status != 204 && status != 304) {
                int b;
                while ((b = readByte(end)) >= 0) {
                    body.write(b);
                }
                closed = b == -1;
            }
            return new Response(status, headText, body.toString(StandardCharsets.UTF_8), closed);
        } catch (IOException e) {
            return new Response(0, head.toString(StandardCharsets.ISO_8859_1), "", true);
        }
    }

    /** Whether the server closes the connection within the deadline (reading and dropping anything it still sends). */
    public boolean closedWithin(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        try {
            int b;
            while ((b = readByte(end)) >= 0) {
                // drop
            }
            return b == -1;
        } catch (IOException e) {
            return true;
        }
    }

    private boolean readChunked(ByteArrayOutputStream body, long end) throws IOException {
        while (true) {
            StringBuilder size = new StringBuilder();
            int b;
            while ((b = readByte(end)) != '\n') {
                if (b < 0) {
                    return b == -1;
                }
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int n = Integer.parseInt(size.toString().split(";", 2)[0].strip(), 16);
            if (n == 0) {
                while ((b = readByte(end)) != '\n') {
                    if (b < 0) {
                        return b == -1;
                    }
                }
                return false;
            }
            for (int i = 0; i < n; i++) {
                b = readByte(end);
                if (b < 0) {
                    return b == -1;
                }
                body.write(b);
            }
            readByte(end);
            readByte(end);
        }
    }

    /** A byte, -1 when the connection closed, -2 when the deadline passed. */
    private int readByte(long end) throws IOException {
        long left = end - System.nanoTime();
        if (left <= 0) {
            return -2;
        }
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -2;
        } catch (IOException e) {
            // a reset is a close too, if not a clean one
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket: nothing to do
        }
    }
}
