package dev.ficus.sync.idmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.testing.TestServers;
import dev.ficus.events.EntityType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The id map on a real PostgreSQL: batched get-or-create, stable UUIDs, and two processes racing on one id. */
class IdMapIT {
    private static HikariDataSource ds;

    @BeforeAll
    static void database() throws Exception {
        DatabaseEndpoint pg = TestServers.freshPostgresDatabase(IdMapIT.class);
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(pg.postgresJdbcUrl());
        c.setUsername(pg.user());
        c.setPassword(pg.password().reveal());
        c.setMaximumPoolSize(8);
        ds = new HikariDataSource(c);
        IdMapSchema.ensure(ds);
        IdMapSchema.ensure(ds);
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @Test
    void givesEachEntityOneUuidThatNeverChanges() throws Exception {
        IdMap map = new IdMap(ds, 10);
        List<IdKey> keys = new ArrayList<>();
        for (long id = 1; id <= 500; id++) {
            keys.add(new IdKey(EntityType.PRODUCT, id));
        }
        keys.add(new IdKey(EntityType.CUSTOMER, 1));
        Map<IdKey, UUID> first = map.resolve(keys);
        assertThat(first).hasSize(501);
        assertThat(new HashSet<>(first.values())).hasSize(501);
        assertThat(first.get(new IdKey(EntityType.CUSTOMER, 1))).isNotEqualTo(first.get(new IdKey(EntityType.PRODUCT, 1)));

        // a new process (empty cache) and a small cache that has long forgotten most keys both find the same UUIDs
        assertThat(new IdMap(ds, 0).resolve(keys)).isEqualTo(first);
        assertThat(map.resolve(keys)).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM magento_id_map WHERE entity_type = 'product'")).isEqualTo(500);
    }

    @Test
    void twoProcessesRacingOnTheSameIdsEndWithOneUuidEach() throws Exception {
        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Map<IdKey, UUID>>> results = new ArrayList<>();
            for (int r = 0; r < racers; r++) {
                int offset = r;
                Callable<Map<IdKey, UUID>> racer = () -> {
                    List<IdKey> keys = new ArrayList<>();
                    // overlapping sets, in different orders
                    for (long id = 1; id <= 300; id++) {
                        keys.add(new IdKey(EntityType.ORDER, offset % 2 == 0 ? id : 301 - id));
                    }
                    start.await();
                    return new IdMap(ds, 1000).resolve(keys);
                };
                results.add(pool.submit(racer));
            }
            Map<IdKey, UUID> winner = results.get(0).get();
            for (Future<Map<IdKey, UUID>> f : results) {
                assertThat(f.get()).isEqualTo(winner);
            }
            assertThat(count("SELECT count(*) FROM magento_id_map WHERE entity_type = 'order'")).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTableHasTheContractColumns() throws Exception {
        Set<String> columns = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns "
                     + "WHERE table_name = 'magento_id_map'")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        assertThat(columns).containsExactlyInAnyOrder("entity_type", "magento_id", "platform_uuid", "created_at");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
