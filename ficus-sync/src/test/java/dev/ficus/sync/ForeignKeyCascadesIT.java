package dev.ficus.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.Op;
import dev.ficus.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The child rows InnoDB changes by foreign key without a binlog row, against real MariaDB (binlog on), PostgreSQL and
 * Redis. One test per key among the captured tables whose children need following, and the keys whose parent's own
 * event covers them. The keys are Magento's (Magento_Sales, Magento_Customer, Magento_ConfigurableProduct and
 * Magento_CatalogInventory {@code etc/db_schema.xml}), as the stand-in's schema installs them. Rows written before the
 * sync starts are found through the index built from a full read of each child table; rows written later through the
 * binlog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForeignKeyCascadesIT {
    private static final String ORDER_CUSTOMER_FK = "SALES_ORDER_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID";
    private TestShop shop;
    private TopicReader topics;
    private SyncService sync;
    private Path workDir;

    @BeforeAll
    void start() throws Exception {
        shop = TestShop.create(ForeignKeyCascadesIT.class, null);
        topics = new TopicReader(shop.redis);
        topics.clear();
        // before the sync starts: a customer with an address and an order, a configurable with two children
        shop.sql(MagentoRows.customer(1, "ada@example.com", 1));
        shop.sql(MagentoRows.order(1, "000000001", 11));
        shop.sql("UPDATE sales_order SET customer_id = 1, customer_is_guest = 0, customer_firstname = 'Ada' "
                + "WHERE entity_id = 1");
        configurable(10, 11, 12);
        workDir = Files.createTempDirectory("fk-cascades");
        sync = shop.startSync(workDir, "");
        topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 1 && e.record().path("customer_id").asLong() == 1);
        topics.awaitEvent(Topics.PRODUCT, e -> e.magentoId() == 10 && e.record().path("configurable_product_links").size() == 2);
    }

    @AfterAll
    void stop() {
        if (sync != null) {
            sync.close();
        }
        if (topics != null) {
            topics.close();
        }
    }

    /** A configurable (colour option) with two children, values 3 and 7; children in link order. */
    private void configurable(long parent, long first, long second) throws Exception {
        String color = MagentoRows.attr("color");
        shop.sql(MagentoRows.product(parent, "CONF-" + parent, "Configurable", "0"));
        shop.sql(MagentoRows.product(first, "CONF-" + parent + "-a", "A", "5"));
        shop.sql(MagentoRows.product(second, "CONF-" + parent + "-b", "B", "5"));
        shop.sql("UPDATE catalog_product_entity SET type_id = 'configurable' WHERE entity_id = " + parent,
                "INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value) VALUES "
                        + "(" + color + ", 0, " + first + ", 3), (" + color + ", 0, " + second + ", 7)",
                "INSERT INTO catalog_product_super_attribute (product_id, attribute_id, position) VALUES (" + parent
                        + ", " + color + ", 0)",
                "INSERT INTO catalog_product_super_link (product_id, parent_id) VALUES (" + first + ", " + parent
                        + "), (" + second + ", " + parent + ")");
    }

    /** sales_order.customer_id → customer_entity ON DELETE SET NULL (Magento_Sales/etc/db_schema.xml). */
    @Test
    @Order(1)
    void aDeletedCustomersOrdersAreSentWithoutTheCustomerId() throws Exception {
        shop.sql("DELETE FROM customer_entity WHERE entity_id = 1");

        ChangeEvent customer = topics.awaitEvent(Topics.CUSTOMER, e -> e.magentoId() == 1 && e.op() == Op.DELETE);
        ChangeEvent order = topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 1 && !e.record().has("customer_id"));
        assertThat(shop.queryLong("SELECT COUNT(*) FROM sales_order WHERE entity_id = 1 AND customer_id IS NULL"))
                .as("InnoDB applied the rule").isEqualTo(1);
        assertThat(order.op()).isEqualTo(Op.UPSERT);
        // only the reference goes: the order keeps what it recorded of the customer, and is no guest order
        assertThat(order.record().path("customer_is_guest").asLong()).isZero();
        assertThat(order.record().path("customer_email").asText()).isEqualTo("ada@example.com");
        assertThat(order.record().path("customer_firstname").asText()).isEqualTo("Ada");
        assertThat(order.record().path("items")).hasSize(1);
        // the change is the customer's delete: the order's event has its position, after the order's last one
        assertThat(order.source()).isEqualTo(customer.source());
    }

    /** The same key for an order the sync learnt of from the binlog, not from the first read of sales_order. */
    @Test
    @Order(2)
    void anOrderPlacedWhileTheSyncRunsLosesItsCustomerToo() throws Exception {
        shop.sql(MagentoRows.customer(2, "grace@example.com", 2));
        shop.sql(MagentoRows.order(2, "000000002", 11));
        shop.sql("UPDATE sales_order SET customer_id = 2, customer_is_guest = 0 WHERE entity_id = 2");
        ChangeEvent placed = topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 2
                && e.record().path("customer_id").asLong() == 2);

        shop.sql("DELETE FROM customer_entity WHERE entity_id = 2");

        // (the order had no customer_id before its UPDATE too: only an event after that one counts)
        topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 2 && e.source().isAfter(placed.source())
                && e.op() == Op.UPSERT && !e.record().has("customer_id"));
    }

    /**
     * customer_address_entity.parent_id → customer_entity ON DELETE CASCADE (Magento_Customer/etc/db_schema.xml):
     * the addresses live in the customer's record, so the customer's own delete event takes them with it.
     */
    @Test
    @Order(3)
    void aDeletedCustomersAddressesGoWithItsDeleteEvent() throws Exception {
        shop.sql(MagentoRows.customer(3, "alan@example.com", 3));
        ChangeEvent created = topics.awaitEvent(Topics.CUSTOMER, e -> e.magentoId() == 3 && e.op() == Op.UPSERT);
        assertThat(created.record().path("addresses")).hasSize(1);

        shop.sql("DELETE FROM customer_entity WHERE entity_id = 3");

        ChangeEvent deleted = topics.awaitEvent(Topics.CUSTOMER, e -> e.magentoId() == 3 && e.op() == Op.DELETE);
        assertThat(deleted.id()).isEqualTo(created.id());
        assertThat(shop.queryLong("SELECT COUNT(*) FROM customer_address_entity WHERE parent_id = 3")).isZero();
        assertThat(eventsFor(Topics.CUSTOMER, 3)).last().satisfies(e -> assertThat(e.op()).isEqualTo(Op.DELETE));
    }

    /**
     * catalog_product_super_link.product_id → catalog_product_entity ON DELETE CASCADE
     * (Magento_ConfigurableProduct/etc/db_schema.xml): the configurable loses the child from its links and options.
     * cataloginventory_stock_item.product_id (CASCADE, Magento_CatalogInventory) goes with the product's own delete.
     */
    @Test
    @Order(4)
    void aDeletedChildLeavesItsConfigurable() throws Exception {
        shop.sql("DELETE FROM catalog_product_entity WHERE entity_id = 12");

        topics.awaitEvent(Topics.PRODUCT, e -> e.magentoId() == 12 && e.op() == Op.DELETE);
        topics.awaitEvent(Topics.STOCK, e -> e.magentoId() == 12 && e.op() == Op.DELETE);
        ChangeEvent parent = topics.awaitEvent(Topics.PRODUCT, e -> e.magentoId() == 10
                && e.record().path("configurable_product_links").toString().equals("[11]"));
        JsonNode option = parent.record().path("configurable_product_options").get(0);
        assertThat(option.path("values").toString()).isEqualTo("[{\"value_index\":3}]");
    }

    /** The same key for links made while the sync runs, and a configurable with a child left: none. */
    @Test
    @Order(5)
    void childrenLinkedWhileTheSyncRunsAreFollowedToo() throws Exception {
        configurable(20, 21, 22);
        ChangeEvent linked = topics.awaitEvent(Topics.PRODUCT, e -> e.magentoId() == 20
                && e.record().path("configurable_product_links").size() == 2);

        shop.sql("DELETE FROM catalog_product_entity WHERE entity_id IN (21, 22)");

        ChangeEvent parent = topics.awaitEvent(Topics.PRODUCT, e -> e.magentoId() == 20
                && e.source().isAfter(linked.source()) && e.record().path("configurable_product_links").isEmpty());
        assertThat(parent.record().path("configurable_product_options").get(0).path("values")).isEmpty();
    }

    /**
     * A key changed by DDL while the sync runs is read again: sales_order.customer_id made ON DELETE CASCADE ON UPDATE
     * CASCADE deletes a deleted customer's orders, and carries a renumbered customer's id into its orders.
     */
    @Test
    @Order(6)
    void aForeignKeyChangedWhileTheSyncRunsIsFollowedAsItIsNow() throws Exception {
        try {
            // MariaDB cannot drop and add a constraint of the same name in one ALTER
            shop.sql("ALTER TABLE sales_order DROP FOREIGN KEY " + ORDER_CUSTOMER_FK,
                    "ALTER TABLE sales_order ADD CONSTRAINT " + ORDER_CUSTOMER_FK + " FOREIGN KEY (customer_id) "
                            + "REFERENCES customer_entity (entity_id) ON DELETE CASCADE ON UPDATE CASCADE");
            shop.sql(MagentoRows.customer(4, "kurt@example.com", 4));
            shop.sql(MagentoRows.order(4, "000000004", 11));
            shop.sql(MagentoRows.order(5, "000000005", 11));
            shop.sql("UPDATE sales_order SET customer_id = 4 WHERE entity_id IN (4, 5)");
            topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 5 && e.record().path("customer_id").asLong() == 4);

            // the address's key to the customer is ON UPDATE RESTRICT: renumbering needs a customer without one
            shop.sql("DELETE FROM customer_address_entity WHERE parent_id = 4",
                    "UPDATE customer_entity SET entity_id = 40 WHERE entity_id = 4");
            topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 4 && e.record().path("customer_id").asLong() == 40);
            topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 5 && e.record().path("customer_id").asLong() == 40);
            // Debezium sends the renumbering as a DELETE and a CREATE of the customer: not a delete of its orders
            assertThat(topics.events(Topics.ORDER)).noneMatch(e -> e.op() == Op.DELETE);

            shop.sql("DELETE FROM customer_entity WHERE entity_id = 40");
            topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 4 && e.op() == Op.DELETE);
            topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 5 && e.op() == Op.DELETE);
            assertThat(shop.queryLong("SELECT COUNT(*) FROM sales_order_item WHERE order_id IN (4, 5)")).isZero();
        } finally {
            shop.sql("ALTER TABLE sales_order DROP FOREIGN KEY " + ORDER_CUSTOMER_FK,
                    "ALTER TABLE sales_order ADD CONSTRAINT " + ORDER_CUSTOMER_FK + " FOREIGN KEY (customer_id) "
                            + "REFERENCES customer_entity (entity_id) ON DELETE SET NULL");
        }
    }

    /** What the index keeps survives a restart: a child learnt before it is found after it, without a new snapshot. */
    @Test
    @Order(7)
    void theChildrenKnownBeforeARestartAreFoundAfterIt() throws Exception {
        shop.sql(MagentoRows.customer(6, "edsger@example.com", 6));
        shop.sql(MagentoRows.order(6, "000000006", 11));
        shop.sql("UPDATE sales_order SET customer_id = 6 WHERE entity_id = 6");
        ChangeEvent placed = topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 6
                && e.record().path("customer_id").asLong() == 6);
        sync.close();
        sync = null;
        String built = builtAt();

        sync = shop.startSync(workDir, "");
        shop.sql("DELETE FROM customer_entity WHERE entity_id = 6");

        topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 6 && e.source().isAfter(placed.source())
                && e.op() == Op.UPSERT && !e.record().has("customer_id"));
        assertThat(builtAt()).as("the index was not read again from MariaDB").isEqualTo(built);
    }

    private String builtAt() throws Exception {
        try (Connection c = shop.platformConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(foreign_key || '@' || built_at, ',' ORDER BY foreign_key) "
                     + "FROM sync_cascade_keys")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<ChangeEvent> eventsFor(String topic, long id) throws Exception {
        return topics.events(topic).stream().filter(e -> e.magentoId() == id).toList();
    }

}
