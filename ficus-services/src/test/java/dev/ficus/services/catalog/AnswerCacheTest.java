package dev.ficus.services.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerCacheTest {
    private static final byte[] OLD = {1, 2, 3};
    private static final byte[] NEW = {4, 5, 6};

    private static AnswerCache listening() {
        AnswerCache cache = new AnswerCache(1_000);
        cache.on();
        return cache;
    }

    @Test
    void anAnswerReadBeforeAChangeIsNotKept() {
        AnswerCache cache = listening();
        long seen = cache.generation();
        cache.changed("p-1");
        cache.put("P-1", 1, "p-1", OLD, seen);
        assertThat(cache.get("P-1", 1)).isNull();
        cache.put("P-1", 1, "p-1", NEW, cache.generation());
        assertThat(cache.get("P-1", 1)).isEqualTo(NEW);
    }

    @Test
    void aChangeForgetsEveryEntryReadFromThatSkuInEveryStoreAndSpelling() {
        AnswerCache cache = listening();
        cache.put("P-1", 1, "p-1", OLD, cache.generation());
        cache.put("p-1", 2, "p-1", OLD, cache.generation());
        cache.put("P-2", 1, "p-2", OLD, cache.generation());
        cache.changed("p-1");
        assertThat(cache.get("P-1", 1)).isNull();
        assertThat(cache.get("p-1", 2)).isNull();
        assertThat(cache.get("P-2", 1)).isEqualTo(OLD);
        assertThat(cache.bytes()).isEqualTo(3);
    }

    @Test
    void offUntilListeningAndEmptiedWhenNewsMayHaveBeenMissed() {
        AnswerCache cache = new AnswerCache(1_000);
        cache.put("P-1", 1, "p-1", OLD, cache.generation());
        assertThat(cache.get("P-1", 1)).isNull();
        cache.on();
        cache.put("P-1", 1, "p-1", OLD, cache.generation());
        assertThat(cache.get("P-1", 1)).isEqualTo(OLD);
        long seen = cache.generation();
        cache.off();
        cache.on();
        assertThat(cache.get("P-1", 1)).isNull();
        cache.put("P-1", 1, "p-1", OLD, seen);
        assertThat(cache.get("P-1", 1)).isNull();
    }

    @Test
    void answersBeyondTheBoundAreNotAdded() {
        AnswerCache cache = new AnswerCache(5);
        cache.on();
        cache.put("P-1", 1, "p-1", OLD, cache.generation());
        cache.put("P-2", 1, "p-2", NEW, cache.generation());
        assertThat(cache.get("P-2", 1)).isNull();
        assertThat(cache.size()).isEqualTo(1);
    }
}
