package dev.ficus.services.runtime;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A searchCriteria value compared with a numeric column, read the way MySQL reads a string as a number: its longest
 * numeric prefix after leading spaces ("12abc" is 12, "abc" is 0, "9.99" followed by a NUL or by bytes that are not
 * UTF-8 is 9.99), as a double, so that a value beyond a double's range is the largest double of its sign and one too
 * small is 0 (MySQL's {@code price > '1e999999'} finds nothing and {@code price < '1e999999'} every price; checked on
 * MariaDB). PostgreSQL's numeric refuses such values, which used to answer 500.
 *
 * <p>This replaces the SQL function ficus_mysql_numeric (db/runtime V2), which read the same prefix but without the
 * double's bounds; it stays in the database for instances of the previous version during a rolling update.
 */
public final class MysqlNumbers {
    private static final Pattern NUMERIC_PREFIX =
            Pattern.compile("^[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE]([+-]?[0-9]+))?");
    private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);
    private static final BigDecimal SMALLEST = new BigDecimal(Double.MIN_VALUE);

    private MysqlNumbers() {
    }

    public static BigDecimal read(String text) {
        Matcher m = NUMERIC_PREFIX.matcher(withoutLeadingSpaces(text));
        if (!m.find()) {
            return BigDecimal.ZERO;
        }
        String prefix = m.group();
        BigDecimal value;
        try {
            value = new BigDecimal(prefix);
        } catch (NumberFormatException e) {
            // an exponent beyond an int: the number is far outside a double's range one way or the other
            boolean tiny = m.group(1).startsWith("-");
            boolean negative = prefix.startsWith("-");
            return tiny ? BigDecimal.ZERO : negative ? LARGEST.negate() : LARGEST;
        }
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(LARGEST) > 0) {
            return value.signum() < 0 ? LARGEST.negate() : LARGEST;
        }
        if (magnitude.signum() != 0 && magnitude.compareTo(SMALLEST) < 0) {
            return BigDecimal.ZERO;
        }
        return value;
    }

    private static String withoutLeadingSpaces(String s) {
        int from = 0;
        while (from < s.length() && s.charAt(from) == ' ') {
            from++;
        }
        return s.substring(from);
    }
}
