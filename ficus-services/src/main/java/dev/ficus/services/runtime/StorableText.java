package dev.ficus.services.runtime;

import dev.ficus.magento.api.request.PhpUrlDecoding;

/**
 * Whether a request value can be a stored value at all. PostgreSQL text holds neither NUL nor bytes that are not UTF-8
 * (it refuses such a parameter outright, which used to answer 500), and the read models only hold what came through
 * PostgreSQL. MySQL compares such a value with its rows and finds nothing equal, so a value PostgreSQL cannot hold is
 * answered without asking it: an equality finds nothing, an inequality every row that has a value.
 *
 * <p>Bytes that are not UTF-8 arrive as the lone surrogates {@link PhpUrlDecoding} makes of them.
 */
public final class StorableText {
    /** The largest character; a string that ends with it sorts after every string that merely starts the same. */
    private static final String AFTER_EVERY_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    private StorableText() {
    }

    public static boolean isStorable(String s) {
        return firstUnstorable(s) < 0;
    }

    /**
     * A storable string that sorts where {@code s} sorts in MySQL, for comparing a column with {@code s} by {@code >=}
     * or {@code <}: up to its first character PostgreSQL cannot hold, {@code s} itself; after it, NUL sorts below
     * every character (MySQL pads the shorter string with spaces, so "P-1" sorts above "P-1\0…"), while a byte that is
     * not UTF-8 sorts above every character. Checked on MariaDB with Magento's utf8_general_ci.
     */
    public static String sortBound(String s) {
        int at = firstUnstorable(s);
        if (at < 0) {
            return s;
        }
        return s.charAt(at) == '\0' ? s.substring(0, at) : s.substring(0, at) + AFTER_EVERY_CHARACTER;
    }

    private static int firstUnstorable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
