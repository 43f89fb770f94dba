package dev.ficus.gateway.testing;

/** Bytes a test sent or received, as a line a person can read in a failure message. */
public final class ByteText {
    private ByteText() {
    }

    /**
     * The bytes with CR, LF and every other unprintable byte made visible, so a report can be copied into a test; a
     * run of more than 16 equal bytes is written {@code a{x5000}}.
     */
    public static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            int run = 1;
            while (i + run < bytes.length && bytes[i + run] == bytes[i]) {
                run++;
            }
            if (run > 16) {
                // a long path or header of one letter stays readable: the byte once and how often it repeats
                out.append((char) c).append("{x").append(run).append('}');
                i += run - 1;
                continue;
            }
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append(String.format("\\x%02X", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        return out.toString();
    }
}
