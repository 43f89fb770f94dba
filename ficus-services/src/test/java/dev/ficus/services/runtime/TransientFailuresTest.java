package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {
    @Test
    void theSurroundingsFailingIsTransient() {
        assertThat(TransientFailures.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("serialization failure", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new IOException("reset")))).isTrue();
    }

    @Test
    void anEventsOwnFailureIsNot() {
        assertThat(TransientFailures.isTransient(new SQLException("value too long", "22001"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("not null violation", "23502"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("record has no 'sku'"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
    }
}
