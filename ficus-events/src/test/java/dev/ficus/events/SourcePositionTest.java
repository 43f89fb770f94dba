package dev.ficus.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourcePositionTest {

    private static SourcePosition at(String file, long pos, long row, boolean snapshot) {
        return new SourcePosition(file, pos, 0, row, null, 0, snapshot);
    }

    @Test
    void ordersByFileNumberThenPositionThenRow() {
        assertThat(at("mysql-bin.000002", 10, 0, false)).isGreaterThan(at("mysql-bin.000001", 900, 0, false));
        assertThat(at("mysql-bin.1000000", 4, 0, false)).isGreaterThan(at("mysql-bin.999999", 900, 0, false));
        assertThat(at("mysql-bin.000001", 20, 0, false)).isGreaterThan(at("mysql-bin.000001", 10, 5, false));
        assertThat(at("mysql-bin.000001", 20, 1, false)).isGreaterThan(at("mysql-bin.000001", 20, 0, false));
    }

    @Test
    void rowsOfOneTransactionAreOrderedByEventThenRow() {
        SourcePosition first = new SourcePosition("mysql-bin.000001", 500, 1, 3, null, 0, false);
        SourcePosition second = new SourcePosition("mysql-bin.000001", 500, 2, 0, null, 0, false);
        assertThat(second.isAfter(first)).isTrue();
    }

    @Test
    void aSnapshotRowIsOlderThanAStreamedRowAtTheSamePosition() {
        SourcePosition snapshot = at("mysql-bin.000003", 400, 0, true);
        SourcePosition streamed = at("mysql-bin.000003", 400, 0, false);
        assertThat(streamed.isAfter(snapshot)).isTrue();
        assertThat(snapshot.isAfter(streamed)).isFalse();
        assertThat(SourcePosition.latest(snapshot, streamed)).isEqualTo(streamed);
    }

    @Test
    void anEventIsNotAfterItself() {
        SourcePosition p = at("mysql-bin.000003", 400, 2, false);
        assertThat(p.isAfter(p)).isFalse();
        assertThat(p.isAfter(null)).isTrue();
    }
}
