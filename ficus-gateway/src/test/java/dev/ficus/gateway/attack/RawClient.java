package dev.ficus.gateway.attack;

import dev.ficus.gateway.testing.ByteText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client that writes exactly the bytes it is given and reads HTTP/1.1 responses by their own framing
 * (Content-Length, chunked, or the end of the connection; none for HEAD, 1xx, 204 and 304), so that pipelined
 * answers are told apart and a missing, cut or extra answer shows. Every read is bounded by one deadline: a gateway
 * that neither answers nor closes is reported as such, never waited for.
 */
final class RawClient {
    /** How one connection ended, from the client's side. */
    enum End {
        /** Every request was answered; the client closed. */
        ANSWERED,
        /** The gateway closed the connection cleanly (FIN) after the responses listed. */
        CLOSED,
        /** The connection was reset (RST) after the responses listed. */
        RESET,
        /** Neither an answer nor a close before the deadline. */
        DEADLINE,
        /** The connection ended inside a response. */
        TRUNCATED,
        /** Bytes came back that are not an HTTP/1.x response. */
        MALFORMED
    }

    record Response(int status, String statusLine, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /**
         * The gateway wrote it: neither Magento's nor a service's stand-in marked it (they mark every answer their
         * handler writes), and the gateway did not say it relayed it (an upstream's HTTP server can answer by itself,
         * a 414 for a long line, without the mark).
         */
        boolean fromGateway() {
            String backend = header("X-Ficus-Backend");
            return header("X-Magento") == null && header("X-Service") == null
                    && (backend == null || backend.equals("gateway"));
        }

        @Override
        public String toString() {
            return statusLine + " [backend " + header("X-Ficus-Backend") + "] "
                    + ByteText.escape(body.length > 300 ? java.util.Arrays.copyOf(body, 300) : body);
        }
    }

    record Outcome(List<Response> responses, End end, String detail, long elapsedMs) {
        String describe() {
            StringBuilder out = new StringBuilder("  ").append(end).append(" after ").append(elapsedMs).append(" ms")
                    .append(detail == null ? "" : " (" + detail + ")");
            for (int i = 0; i < responses.size(); i++) {
                out.append("\n  response ").append(i).append(": ").append(responses.get(i));
            }
            return out.toString();
        }
    }

    /** How the bytes of a conversation go out. */
    record Writes(List<byte[]> pieces, long pauseMs, boolean awaitEach) {
    }

    private RawClient() {
    }

    /**
     * Sends the requests on one connection and reads their answers.
     *
     * @param awaitEach     write a request only once the previous one has been answered (else: all at once, pipelined)
     * @param pieces        for each request, the pieces its bytes are written in, {@code pauseMs} apart (a slow
     *                      client); a request that was not meant to finish is never answered by itself
     * @param afterLastByte how long the gateway has to answer or close once the last byte is out
     * @param fromStart     the same, counted from the connection's start (bounds a slow client's whole head)
     * @param lingerMs      once every request is answered, how long to keep listening for an answer to a request
     *                      the client never sent (a gateway that read a body as a request); 0: not at all
     */
    static Outcome exchange(int port, List<RawRequest> requests, List<List<byte[]>> pieces, long pauseMs,
                            boolean awaitEach, long afterLastByte, long fromStart, long lingerMs) {
        long start = System.nanoTime();
        long hardDeadline = start + fromStart * 1_000_000L;
        List<Response> responses = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            Reader reader = new Reader(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            long deadline = hardDeadline;
            int next = 0;
            for (int r = 0; r < requests.size(); r++) {
                boolean closedWhileWriting = false;
                for (byte[] piece : pieces.get(r)) {
                    if (pauseMs > 0) {
                        // a slow client: between two pieces, see whether the gateway has answered or closed already
                        socket.setSoTimeout((int) Math.max(1, pauseMs));
                        if (reader.peek()) {
                            closedWhileWriting = true;
                            break;
                        }
                    }
                    try {
                        out.write(piece);
                        out.flush();
                    } catch (SocketException e) {
                        closedWhileWriting = true;
                        break;
                    }
                    if (System.nanoTime() > hardDeadline) {
                        break;
                    }
                }
                deadline = Math.min(hardDeadline, System.nanoTime() + afterLastByte * 1_000_000L);
                if (closedWhileWriting) {
                    break;
                }
                if (awaitEach) {
                    Step step = readOne(reader, socket, requests.get(next), deadline, responses);
                    next++;
                    if (step != null) {
                        return new Outcome(responses, step.end, step.detail, elapsed(start));
                    }
                }
            }
            while (next < requests.size()) {
                Step step = readOne(reader, socket, requests.get(next), deadline, responses);
                next++;
                if (step != null) {
                    return new Outcome(responses, step.end, step.detail, elapsed(start));
                }
            }
            if (lingerMs > 0) {
                socket.setSoTimeout((int) lingerMs);
                if (reader.peek() && !reader.atEnd()) {
                    RawRequest last = requests.get(requests.size() - 1);
                    Step step = readOne(reader, socket, last, System.nanoTime() + lingerMs * 1_000_000L, responses);
                    if (step != null && step.end != End.CLOSED) {
                        return new Outcome(responses, step.end, "after an extra answer: " + step.detail,
                                elapsed(start));
                    }
                }
            }
            return new Outcome(responses, End.ANSWERED, null, elapsed(start));
        } catch (IOException e) {
            return new Outcome(responses, End.RESET, "could not talk to the gateway: " + e, elapsed(start));
        }
    }

    private record Step(End end, String detail) {
    }

    /** Reads one final response (skipping 1xx); null when it came whole, else how the connection ended. */
    private static Step readOne(Reader reader, Socket socket, RawRequest request, long deadline,
                                List<Response> into) {
        try {
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return new Step(End.DEADLINE, "no answer and no close in time");
                }
                socket.setSoTimeout((int) left);
                reader.deadline = deadline;
                String statusLine = reader.line();
                if (statusLine == null) {
                    return new Step(End.CLOSED, null);
                }
                if (!statusLine.matches("HTTP/1\\.[01] [0-9]{3}( .*)?")) {
                    return new Step(End.MALFORMED, "status line '" + ByteText.escape(
                            statusLine.getBytes(StandardCharsets.ISO_8859_1)) + "'");
                }
                int status = Integer.parseInt(statusLine.substring(9, 12));
                Map<String, List<String>> headers = new LinkedHashMap<>();
                String line;
                while (!(line = reader.requireLine()).isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        return new Step(End.MALFORMED, "header line '" + line + "'");
                    }
                    headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
                }
                if (status >= 100 && status < 200 && status != 101) {
                    continue;
                }
                byte[] body;
                List<String> te = headers.get("transfer-encoding");
                List<String> cl = headers.get("content-length");
                if (request.head() || status == 101 || status == 204 || status == 304) {
                    body = new byte[0];
                } else if (te != null) {
                    if (!te.get(te.size() - 1).toLowerCase(Locale.ROOT).endsWith("chunked")) {
                        return new Step(End.MALFORMED, "response transfer coding " + te);
                    }
                    body = reader.chunked();
                } else if (cl != null) {
                    if (cl.size() != 1 || !cl.get(0).matches("[0-9]{1,9}")) {
                        return new Step(End.MALFORMED, "response Content-Length " + cl);
                    }
                    body = reader.exactly(Integer.parseInt(cl.get(0)));
                } else {
                    body = reader.untilClose();
                    into.add(new Response(status, statusLine, headers, body));
                    return new Step(End.CLOSED, "body ended by the close");
                }
                into.add(new Response(status, statusLine, headers, body));
                List<String> connection = headers.get("connection");
                if (connection != null && connection.stream().anyMatch(v -> v.equalsIgnoreCase("close"))) {
                    // the server said this answer is the connection's last (RFC 9112 §9.6); whatever follows is not an
                    // answer (a gateway that refused a request before it knew its method cannot leave a HEAD's body out)
                    reader.untilClose();
                    return new Step(End.CLOSED, "closed after an answer that said Connection: close");
                }
                return null;
            }
        } catch (SocketTimeoutException e) {
            return new Step(reader.midMessage ? End.TRUNCATED : End.DEADLINE,
                    reader.midMessage ? "a response stalled half-way" : "no answer and no close in time");
        } catch (Truncated e) {
            return new Step(End.TRUNCATED, e.getMessage());
        } catch (SocketException e) {
            return new Step(End.RESET, e.getMessage());
        } catch (IOException e) {
            return new Step(End.RESET, e.toString());
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    private static final class Truncated extends IOException {
        Truncated(String what) {
            super(what);
        }
    }

    /** Buffered reads of lines and counted bytes from the connection. */
    private static final class Reader {
        private static final int MAX_LINE = 64 * 1024;
        private final InputStream in;
        private final byte[] buf = new byte[16 * 1024];
        private int pos;
        private int len;
        private boolean eof;
        long deadline;
        boolean midMessage;

        Reader(InputStream in) {
            this.in = in;
        }

        /** Whether anything (bytes or the end) arrived within the socket's timeout. */
        boolean peek() throws IOException {
            if (pos < len || eof) {
                return true;
            }
            try {
                return fill();
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true;
            }
        }

        /** Whether the connection has ended with nothing left to read. */
        boolean atEnd() {
            return eof && pos == len;
        }

        private boolean fill() throws IOException {
            if (eof) {
                return true;
            }
            if (pos == len) {
                pos = 0;
                len = 0;
            }
            if (len == buf.length) {
                return true;
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
            } else {
                len += n;
            }
            return true;
        }

        /** The next line without its end (CRLF or LF); null at a clean end before any byte of it. */
        String line() throws IOException {
            midMessage = false;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (pos == len) {
                    if (eof) {
                        if (line.size() == 0) {
                            return null;
                        }
                        throw new Truncated("the connection ended inside a line");
                    }
                    fill();
                    continue;
                }
                midMessage = true;
                byte b = buf[pos++];
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
                if (line.size() > MAX_LINE) {
                    throw new Truncated("a response line longer than " + MAX_LINE + " bytes");
                }
            }
        }

        String requireLine() throws IOException {
            String line = line();
            if (line == null) {
                throw new Truncated("the connection ended inside a response head");
            }
            midMessage = true;
            return line;
        }

        byte[] exactly(int n) throws IOException {
            midMessage = true;
            ByteArrayOutputStream out = new ByteArrayOutputStream(n);
            while (out.size() < n) {
                if (pos == len) {
                    if (eof) {
                        throw new Truncated("the connection ended after " + out.size() + " of " + n + " body bytes");
                    }
                    fill();
                    continue;
                }
                int take = Math.min(n - out.size(), len - pos);
                out.write(buf, pos, take);
                pos += take;
            }
            return out.toByteArray();
        }

        byte[] chunked() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String size = requireLine();
                int semi = size.indexOf(';');
                String hex = (semi < 0 ? size : size.substring(0, semi)).strip();
                if (!hex.matches("[0-9a-fA-F]{1,7}")) {
                    throw new Truncated("a response chunk size '" + size + "'");
                }
                int n = Integer.parseInt(hex, 16);
                if (n == 0) {
                    while (!requireLine().isEmpty()) {
                        // trailers: not used by the gateway's upstreams, dropped
                    }
                    return out.toByteArray();
                }
                out.write(exactly(n));
                if (!requireLine().isEmpty()) {
                    throw new Truncated("no line end after a response chunk");
                }
            }
        }

        byte[] untilClose() throws IOException {
            midMessage = true;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                if (pos < len) {
                    out.write(buf, pos, len - pos);
                    pos = len;
                }
                if (eof) {
                    return out.toByteArray();
                }
                fill();
            }
        }
    }
}
