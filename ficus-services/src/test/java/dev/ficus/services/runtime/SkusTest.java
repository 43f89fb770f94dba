package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkusTest {

    @Test
    void aSkuLongerThanTheColumnOrHoldingWhatPostgresqlCannotNamesNoProduct() {
        assertThat(Skus.canExist("a".repeat(64))).isTrue();
        assertThat(Skus.canExist("a".repeat(65))).isFalse();
        // MySQL's varchar counts characters, not UTF-16 units
        assertThat(Skus.canExist("😀".repeat(64))).isTrue();
        assertThat(Skus.canExist("P-1\0")).isFalse();
        assertThat(Skus.canExist("P-\uDCFF")).isFalse();
    }
}
