package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void postgresqlHoldsNeitherNulNorBytesThatAreNotUtf8() {
        assertThat(StorableText.isStorable("P-1")).isTrue();
        assertThat(StorableText.isStorable("😀 \uFFFD")).isTrue();
        assertThat(StorableText.isStorable("")).isTrue();
        assertThat(StorableText.isStorable("P-1\0")).isFalse();
        assertThat(StorableText.isStorable("x\uDCFF")).isFalse();
        assertThat(StorableText.isStorable("\uD83D")).isFalse();
    }

    @Test
    void theSortBoundPutsNulBelowAndOtherBytesAboveEveryCharacter() {
        assertThat(StorableText.sortBound("P-1")).isEqualTo("P-1");
        assertThat(StorableText.sortBound("P-1\0x\uDCFF")).isEqualTo("P-1");
        assertThat(StorableText.sortBound("P-1\uDCFFx\0")).isEqualTo("P-1\uDBFF\uDFFF");
        assertThat(StorableText.sortBound("\0")).isEmpty();
    }
}
