package dev.ficus.gateway.attack;

import dev.ficus.gateway.testing.ByteText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request as bytes on the wire, with what the referee must know to judge the gateway's answer to it. Text is kept
 * in ISO-8859-1 strings so that any byte (NUL, CR, 0xFF) can stand anywhere.
 *
 * @param tag           the value of the {@code X-Attack-Tag} line, by which an upstream's record of a request is traced
 *                      back to the request the client sent; null for bytes that are not meant to be a request
 * @param method        the method token as a parser reads it (decides whether a response to it has a body)
 * @param expected      what a well-formed request must get; null for a hostile one, which only the general promises
 *                      cover
 * @param contractStatus the status the gateway's contract names for this request (CONNECT, {@code OPTIONS *}, a target
 *                      that cannot be parsed), or null
 * @param allowed5xx    statuses of 5xx that HTTP itself prescribes for this request (505 for a version the gateway
 *                      does not speak, 501 for a transfer coding it does not know)
 * @param authorizations every Authorization value sent, obs-folds unfolded: a service may see the read only if all of
 *                      them are tokens Magento allows there
 * @param declaresBody  sends Content-Length (other than 0) or Transfer-Encoding, in any spelling: not a bodiless read
 * @param ambiguousFraming the body's length cannot be told reliably (RFC 9112 §6.3): the connection must close after
 *                      the answer, so no later request on it may be answered
 * @param spoofed       values of gateway-only headers the client sent ({@code X-Ficus-Customer-Id}), which no upstream
 *                      may receive from the client
 * @param notes         what was done to the request, for the report
 */
record RawRequest(String tag, byte[] bytes, String method, Expected expected, Integer contractStatus,
                  Set<Integer> allowed5xx, List<String> authorizations, boolean declaresBody,
                  boolean ambiguousFraming, Set<String> spoofed, List<String> notes) {

    /**
     * Whether the head carries Transfer-Encoding: the gateway closes the connection after answering such a request
     * (it cannot tell one that also had a Content-Length, which a proxy in front may have framed it by), so later
     * requests on the connection may see a clean close instead of an answer.
     */
    boolean transferEncoded() {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = (end < 0 ? text : text.substring(0, end)).toLowerCase(java.util.Locale.ROOT);
        return head.contains("\ntransfer-encoding:");
    }

    /**
     * What a well-formed request must get.
     *
     * @param backend  the {@code X-Ficus-Backend} value, i.e. who must have answered
     * @param body     the exact body (null: not compared)
     * @param bodyHint a JSON fragment the body must contain (null: none)
     */
    record Expected(int status, String backend, String body, String bodyHint) {
    }

    boolean hostile() {
        return expected == null;
    }

    boolean head() {
        return method.equals("HEAD");
    }

    String describe() {
        StringBuilder out = new StringBuilder();
        out.append("  ").append(tag == null ? "(untagged bytes)" : "[" + tag + "]")
                .append(expected == null ? " hostile" : " valid, expects " + expected.status() + " from "
                        + expected.backend())
                .append(contractStatus == null ? "" : ", contract status " + contractStatus)
                .append(notes.isEmpty() ? "" : ", " + String.join("; ", notes)).append('\n');
        out.append("    ").append(ByteText.escape(bytes));
        return out.toString();
    }



    /**
     * Builds a request line by line; every part can be replaced by anything, including bytes no parser expects. What
     * the referee needs to know (the Authorization values, whether a body is declared, whether its length is
     * ambiguous) is read back from the finished bytes, the way a strict HTTP/1.1 parser would read them, so that a
     * mutation can never leave those facts behind.
     */
    static final class Builder {
        String method = "GET";
        String target = "/";
        /** Null: no version at all (an HTTP/0.9-style line). */
        String version = "HTTP/1.1";
        String lineEnd = "\r\n";
        final List<String> lines = new ArrayList<>();
        String body = "";
        Expected expected;
        Integer contractStatus;
        final java.util.Set<Integer> allowed5xx = new java.util.HashSet<>();
        /** Set when the body itself cannot be framed (a bad chunk), which the headers do not show. */
        boolean badBody;
        final java.util.Set<String> spoofed = new java.util.HashSet<>();
        final List<String> notes = new ArrayList<>();
        final String tag;

        Builder(String tag) {
            this.tag = tag;
        }

        Builder header(String name, String value) {
            lines.add(name + ": " + value);
            return this;
        }

        /** The index of the first line with this field name (as a strict parser reads names), or -1. */
        int find(String name) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        Builder remove(String name) {
            int i;
            while ((i = find(name)) >= 0) {
                lines.remove(i);
            }
            return this;
        }

        String value(String name) {
            int i = find(name);
            return i < 0 ? null : lines.get(i).substring(lines.get(i).indexOf(':') + 1).strip();
        }

        /** The request becomes hostile: no exact answer is expected any more, only the general promises hold. */
        Builder hostile(String note) {
            expected = null;
            notes.add(note);
            return this;
        }

        RawRequest build() {
            StringBuilder head = new StringBuilder();
            if (tag != null) {
                // first, so that no mutation of a later line can swallow it into another header
                head.append(AttackRig.TAG_HEADER).append(": ").append(tag).append(lineEnd);
            }
            for (String line : lines) {
                head.append(line).append(lineEnd);
            }
            Fields fields = Fields.parse(head.toString());
            List<String> cls = fields.values("content-length");
            List<String> tes = fields.values("transfer-encoding");
            List<String> codings = new ArrayList<>();
            for (String te : tes) {
                for (String c : te.split(",")) {
                    codings.add(ows(c).toLowerCase(Locale.ROOT));
                }
            }
            java.util.Set<String> lengths = new java.util.HashSet<>();
            boolean badLength = false;
            for (String cl : cls) {
                for (String v : cl.split(",", -1)) {
                    if (!ows(v).matches("[0-9]{1,18}")) {
                        badLength = true;
                    } else {
                        lengths.add(Long.valueOf(ows(v)).toString());
                    }
                }
            }
            boolean http10 = "HTTP/1.0".equals(version);
            // a malformed chunk only matters while the body is still framed by chunks (a later step may have set a length)
            boolean ambiguous = (badBody && !tes.isEmpty()) || badLength || lengths.size() > 1 || (!tes.isEmpty() && !cls.isEmpty())
                    || (!codings.isEmpty() && (!codings.get(codings.size() - 1).equals("chunked")
                    || codings.stream().filter("chunked"::equals).count() > 1 || http10))
                    || fields.spacedNames.contains("content-length") || fields.spacedNames.contains("transfer-encoding");
            java.util.Set<Integer> fivexx = new java.util.HashSet<>(allowed5xx);
            // NGINX 1.22 answers 501 to any transfer coding but one chunked, "chunked, chunked" included
            if (codings.stream().anyMatch(c -> !c.equals("chunked")) || codings.size() > 1) {
                fivexx.add(501);
            }
            if (version != null && !version.equals("HTTP/1.1") && !http10) {
                fivexx.add(505);
            }
            boolean declaresBody = !tes.isEmpty() || cls.stream().anyMatch(v -> !ows(v).equals("0"));
            StringBuilder s = new StringBuilder();
            s.append(method).append(' ').append(target);
            if (version != null) {
                s.append(' ').append(version);
            }
            s.append(lineEnd).append(head).append(lineEnd).append(body);
            return new RawRequest(tag, s.toString().getBytes(StandardCharsets.ISO_8859_1), methodToken(method), expected,
                    contractStatus, Set.copyOf(fivexx), fields.values("authorization"), declaresBody, ambiguous,
                    Set.copyOf(spoofed), List.copyOf(notes));
        }
    }

    /**
     * The method as a parser reads it: RFC 9112 section 3 lets a recipient split the request line at SP, HTAB, VT, FF
     * or a bare CR, so {@code GET\u000b} is a GET to a lenient parser.
     */
    static String methodToken(String sent) {
        return sent.split("[ \t\u000b\u000c\r]", 2)[0];
    }

    /** Without leading and trailing optional whitespace, which in HTTP is SP and HTAB only (not VT, not NUL). */
    static String ows(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    /** A header block read as RFC 9112 reads it: LF ends a line (CR before it dropped), SP or HT folds a line on. */
    private record Fields(List<String[]> fields, java.util.Set<String> spacedNames) {
        static Fields parse(String block) {
            List<String[]> out = new ArrayList<>();
            java.util.Set<String> spaced = new java.util.HashSet<>();
            for (String raw : block.split("\n", -1)) {
                String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
                if (line.isEmpty()) {
                    continue;
                }
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !out.isEmpty()) {
                    String[] last = out.get(out.size() - 1);
                    last[1] = ows(last[1] + " " + ows(line));
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon);
                String lower = ows(name).toLowerCase(Locale.ROOT);
                if (!name.equals(ows(name))) {
                    spaced.add(lower);
                }
                out.add(new String[] {lower, ows(line.substring(colon + 1))});
            }
            return new Fields(out, spaced);
        }

        List<String> values(String name) {
            return fields.stream().filter(f -> f[0].equals(name)).map(f -> f[1]).toList();
        }
    }
}
