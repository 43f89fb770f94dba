package dev.ficus.magento.api.request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a request URL the way PHP hands them to Magento: {@code urldecode} for path parameters (Magento's
 * REST router applies it to each variable segment) and {@code parse_str} semantics for the query. {@code +} is a
 * space, {@code %XX} a byte, and a {@code %} without two hex digits stays a literal {@code %}: PHP never refuses a URL.
 *
 * <p>PHP passes the bytes on as they are, so MySQL sees a value that is not UTF-8 and finds nothing equal to it. A Java
 * string cannot hold such bytes, so each byte of a sequence that is not UTF-8 becomes one character U+DC00 + byte, a
 * lone surrogate that no UTF-8 input can produce; {@link StorableText} tells such values (and NULs) apart from the
 * ones PostgreSQL can hold. The raw request line arrives as ISO-8859-1 (one char per byte), so a raw byte above 0x7F
 * is read as that byte.
 */
public final class PhpUrlDecoding {
    /** Byte b of a sequence that is not UTF-8 becomes the character ESCAPED_BYTES + b. */
    static final char ESCAPED_BYTES = '\uDC00';

    private PhpUrlDecoding() {
    }

    /** PHP's {@code urldecode} of {@code raw}, its bytes read as UTF-8 (see the class comment for other bytes). */
    public static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0 && isAscii(raw)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && isEscape(raw, i)) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c & 0xFF);
            }
        }
        return utf8(bytes.toByteArray());
    }

    /**
     * {@code decoded} with U+FFFD for each byte that is not UTF-8, for a value handed to a database driver, which
     * would otherwise send such a byte's lone surrogate as "?".
     */
    public static String replacingBytesThatAreNotUtf8(String decoded) {
        StringBuilder out = null;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            boolean escapedByte = c >= ESCAPED_BYTES && c <= ESCAPED_BYTES + 0xFF
                    && (i == 0 || !Character.isHighSurrogate(decoded.charAt(i - 1)));
            if (escapedByte && out == null) {
                out = new StringBuilder(decoded.substring(0, i));
            }
            if (out != null) {
                out.append(escapedByte ? '\uFFFD' : c);
            }
        }
        return out == null ? decoded : out.toString();
    }

    /** Whether {@code raw} has a "%" without two hex digits, which urldecode keeps (and Vert.x refuses). */
    public static boolean keepsAPercentSign(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (!isEscape(raw, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The query string as PHP's {@code parse_str} splits it: on {@code &} only (not on {@code ;}), each name and value
     * {@link #decode decoded}, names without a value mapping to "". Values of a repeated name are kept in order.
     */
    public static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return out;
    }

    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                break;
            }
            for (int n = 0; n < r.length(); n++) {
                out.put((char) (ESCAPED_BYTES + (in.get() & 0xFF)));
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEscape(String raw, int percent) {
        return percent + 2 < raw.length() && hex(raw.charAt(percent + 1)) >= 0 && hex(raw.charAt(percent + 2)) >= 0;
    }

    private static int hex(char c) {
        return c > 0x7F ? -1 : Character.digit(c, 16);
    }
}
