package dev.ficus.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.Topics;
import dev.ficus.sync.eav.AttributeCatalog;
import dev.ficus.sync.eav.Reads;
import dev.ficus.sync.handler.CustomerHandler;
import dev.ficus.sync.handler.DomainHandler;
import dev.ficus.sync.handler.ProductHandler;
import dev.ficus.sync.handler.StockHandler;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The window between a transaction's binlog write and its InnoDB commit, held open on purpose: a writer changes rows
 * and does not commit yet (as a transaction whose events Debezium already streamed), and an extraction of the entity
 * runs meanwhile. With locking reads the extraction waits for the writer (InnoDB shows it in LOCK WAIT on the
 * writer's rows) and, once the writer commits, returns the committed state; plain snapshot reads return the state from
 * before the change, which is the stale event this guards against.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionLocksIT {
    private TestShop shop;
    private final ExecutorService extractions = Executors.newCachedThreadPool();
    private final AttributeCatalog attributes = new AttributeCatalog();

    @BeforeAll
    void shop() throws Exception {
        shop = TestShop.create(ExtractionLocksIT.class, null);
        shop.sql(MagentoRows.product(1, "LOCK-1", "Before", "10"));
        shop.sql(MagentoRows.product(2, "LOCK-2", "Second", "20"));
        shop.sql(MagentoRows.customer(1, "ada@example.com", 1));
    }

    @AfterAll
    void stop() {
        extractions.shutdownNow();
    }

    @Test
    void anUncommittedValueUpdateIsWaitedForAndTheCommittedValueRead() throws Exception {
        ProductHandler products = new ProductHandler(attributes);
        try (Connection writer = shop.magentoConnection()) {
            writer.setAutoCommit(false);
            execute(writer, MagentoRows.setName(1, "After"));

            Extraction x = extract(products, 1, Reads.LOCKING);
            x.awaitBlockedOn(writer, "catalog_product_entity_varchar");

            writer.commit();
            assertThat(x.get().get(1L).path("attributes").path("name").asText()).isEqualTo("After");
        }
    }

    @Test
    void anUncommittedInsertOfAValueRowIsWaitedFor() throws Exception {
        ProductHandler products = new ProductHandler(attributes);
        try (Connection writer = shop.magentoConnection()) {
            writer.setAutoCommit(false);
            execute(writer, "INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value) "
                    + "VALUES (" + MagentoRows.attr("name") + ", 1, 2, 'Zweite')");

            Extraction x = extract(products, 2, Reads.LOCKING);
            x.awaitBlockedOn(writer, "catalog_product_entity_varchar");

            writer.commit();
            assertThat(x.get().get(2L).path("store_attributes").path("1").path("name").asText()).isEqualTo("Zweite");
        }
    }

    @Test
    void customersAndStockWaitToo() throws Exception {
        try (Connection writer = shop.magentoConnection()) {
            writer.setAutoCommit(false);
            execute(writer, "UPDATE customer_address_entity SET city = 'Paris' WHERE entity_id = 1");
            execute(writer, "UPDATE cataloginventory_stock_item SET qty = 7 WHERE product_id = 1");

            Extraction customer = extract(new CustomerHandler(), 1, Reads.LOCKING);
            customer.awaitBlockedOn(writer, "customer_address_entity");
            Extraction stock = extract(new StockHandler(), 1, Reads.LOCKING);
            stock.awaitBlockedOn(writer, "cataloginventory_stock_item");
            assertThat(customer.result.isDone()).as("customer extraction finished before the commit").isFalse();

            writer.commit();
            assertThat(customer.get().get(1L).path("addresses").get(0).path("city").asText()).isEqualTo("Paris");
            assertThat(stock.get().get(1L).path("qty").decimalValue()).isEqualByComparingTo("7");
        }
    }

    /** What the locks are for: a plain read in the same window answers at once, with the state before the change. */
    @Test
    void snapshotReadsSeeThePreviousStateWhileTheWriterHasNotCommitted() throws Exception {
        ProductHandler products = new ProductHandler(attributes);
        shop.sql("UPDATE catalog_product_entity_decimal SET value = 10 WHERE entity_id = 1");
        try (Connection writer = shop.magentoConnection()) {
            writer.setAutoCommit(false);
            execute(writer, "UPDATE catalog_product_entity_decimal SET value = 11 WHERE entity_id = 1");

            ObjectNode stale = extract(products, 1, Reads.SNAPSHOT).get().get(1L);
            assertThat(stale.path("attributes").path("price").decimalValue()).isEqualByComparingTo("10");
            writer.rollback();
        }
    }

    /**
     * A transaction that holds a product's rows and does not commit (a long import, a forgotten console session) has
     * no events in the binlog yet; a committed change to the same product must still go out. The locking read gives
     * up after innodb_lock_wait_timeout and the product is read again without locks.
     */
    @Test
    void aLockHeldPastTheWaitIsReadAroundAndTheCommittedChangePublished() throws Exception {
        shop.sql(MagentoRows.product(3, "LOCK-3", "Third", "30"));
        Path work = Files.createTempDirectory("extraction-locks");
        try (TopicReader topics = new TopicReader(shop.redis)) {
            topics.clear();
            try (SyncService sync = shop.startSync(work, "extraction:\n  lock_wait_timeout: 1\n");
                 Connection holder = shop.magentoConnection()) {
                awaitProduct(topics, e -> e.magentoId() == 3);
                holder.setAutoCommit(false);
                execute(holder, MagentoRows.setName(3, "Held"));

                shop.sql("UPDATE catalog_product_entity_decimal SET value = 33 WHERE entity_id = 3");
                BigDecimal price = new BigDecimal("33");
                ChangeEvent changed = awaitProduct(topics, e -> e.magentoId() == 3
                        && e.record().path("attributes").path("price").decimalValue().compareTo(price) == 0);
                assertThat(changed.record().path("attributes").path("name").asText()).isEqualTo("Third");
                holder.rollback();
            }
        }
    }

    private static ChangeEvent awaitProduct(TopicReader topics, Predicate<ChangeEvent> match) {
        AtomicReference<ChangeEvent> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            topics.events(Topics.PRODUCT).stream().filter(match).reduce((a, b) -> b).ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private record Extraction(CompletableFuture<Long> connectionId, Future<Map<Long, ObjectNode>> result) {
        Map<Long, ObjectNode> get() throws Exception {
            return result.get(60, TimeUnit.SECONDS);
        }

        /**
         * Until the extraction's connection is running a locking read of {@code table} (the writer's rows), then, the
         * writer holding on a moment longer, that it is still in that statement and has not returned: it waits for the
         * writer. (InnoDB's lock tables do not list an autocommit reader, so its statement is watched instead.)
         */
        void awaitBlockedOn(Connection observer, String table) throws Exception {
            long id = connectionId.get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!runningLockingRead(observer, id, table)) {
                assertThat(result.isDone()).as("extraction ended without waiting for the writer").isFalse();
                assertThat(System.nanoTime()).as("extraction never read " + table).isLessThan(deadline);
                Thread.sleep(5);
            }
            Thread.sleep(300);
            assertThat(runningLockingRead(observer, id, table)).as("still reading " + table).isTrue();
            assertThat(result.isDone()).as("extraction finished while the writer's transaction was open").isFalse();
        }
    }

    private Extraction extract(DomainHandler handler, long id, Reads reads) {
        CompletableFuture<Long> connectionId = new CompletableFuture<>();
        Future<Map<Long, ObjectNode>> result = extractions.submit(() -> {
            try (Connection c = shop.magentoConnection()) {
                reads.prepare(c);
                // far longer than the test holds the writer: the wait must end by the commit, not by a timeout
                execute(c, "SET SESSION innodb_lock_wait_timeout = 120");
                connectionId.complete(queryLong(c, "SELECT CONNECTION_ID()"));
                Map<Long, ObjectNode> records = handler.extract(c, List.of(id), reads);
                if (reads.transactional()) {
                    c.commit();
                }
                return records;
            } catch (Exception e) {
                connectionId.completeExceptionally(e);
                throw e;
            }
        });
        return new Extraction(connectionId, result);
    }

    private static boolean runningLockingRead(Connection observer, long connectionId, String table)
            throws SQLException {
        try (PreparedStatement ps = observer.prepareStatement("SELECT info FROM information_schema.processlist "
                + "WHERE id = ?")) {
            ps.setLong(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                String info = rs.next() ? rs.getString(1) : null;
                return info != null && info.contains(" FROM " + table + " ") && info.endsWith("LOCK IN SHARE MODE");
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
