package dev.ficus.gateway.flag;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Sticky percentage buckets: a caller's key and the flag name hash to one of 10,000 buckets, the same on every
 * replica and every restart, so a caller keeps its backend while the percentage stays, and raising the percentage
 * only adds callers. The flag name is mixed in so that the 10 % of catalog_read are not the 10 % of order_read.
 */
public final class Buckets {
    static final int COUNT = 10_000;

    private Buckets() {
    }

    public static boolean within(String flag, Caller caller, double percent) {
        if (percent <= 0) {
            return false;
        }
        return bucket(flag, caller.stickyKey()) < Math.round(percent * 100);
    }

    public static int bucket(String flag, String key) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64, then a murmur3 finaliser for a good spread of similar keys
        for (byte b : (flag + "\u0000" + key).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) Math.floorMod(h, (long) COUNT);
    }

    static String formatPercent(double p) {
        return BigDecimal.valueOf(p).stripTrailingZeros().toPlainString() + "%";
    }
}
