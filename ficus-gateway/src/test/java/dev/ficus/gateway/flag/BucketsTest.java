package dev.ficus.gateway.flag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketsTest {
    private static Caller customer(int id) {
        return new Caller(Integer.toString(id), null, null, "127.0.0.1", h -> null);
    }

    @Test
    void theShareOfCallersFollowsThePercentage() {
        for (double percent : new double[]{1, 10, 33.3, 50, 90}) {
            int selected = 0;
            int callers = 20_000;
            for (int i = 0; i < callers; i++) {
                if (Buckets.within("catalog_read", customer(i), percent)) {
                    selected++;
                }
            }
            assertThat(100.0 * selected / callers).as("share at %s%%", percent).isCloseTo(percent,
                    org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    void raisingThePercentageKeepsTheCallersAlreadySelected() {
        for (int i = 0; i < 5_000; i++) {
            if (Buckets.within("order_read", customer(i), 10)) {
                assertThat(Buckets.within("order_read", customer(i), 25)).isTrue();
            }
        }
    }

    @Test
    void flagsBucketCallersIndependently() {
        int both = 0;
        for (int i = 0; i < 20_000; i++) {
            if (Buckets.within("catalog_read", customer(i), 10) && Buckets.within("order_read", customer(i), 10)) {
                both++;
            }
        }
        // independent 10% samples overlap in about 1% of callers, not 10%
        assertThat(both).isBetween(100, 320);
    }

    @Test
    void theStickyKeyPrefersCustomerThenTokenThenCookieThenAddress() {
        assertThat(new Caller("5", "t", "c", "1.2.3.4", h -> null).stickyKey()).isEqualTo("customer:5");
        assertThat(new Caller(null, "t", "c", "1.2.3.4", h -> null).stickyKey()).isEqualTo("token:t");
        assertThat(new Caller(null, null, "c", "1.2.3.4", h -> null).stickyKey()).isEqualTo("cookie:c");
        assertThat(new Caller(null, null, null, "1.2.3.4", h -> null).stickyKey()).isEqualTo("ip:1.2.3.4");
    }
}
