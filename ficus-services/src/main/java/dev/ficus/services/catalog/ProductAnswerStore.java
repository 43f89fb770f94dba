package dev.ficus.services.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code product_answers}: the stored bytes of each product's answers ({@link ProductAnswers}), replaced whenever
 * something they are rendered from changes: the product's record or its stock item.
 *
 * <p>Rendering reads both, and the two arrive as separate events that another instance of the service may be
 * applying at the same moment; so a transaction takes a lock per product (a transaction-scoped advisory lock, which
 * holds whether or not the product's rows exist yet) before it writes either and renders. Whichever commits second
 * then renders from what the first committed. Instances that lock two products in opposite orders deadlock;
 * PostgreSQL aborts one, and its batch is retried as any transient failure is.
 */
final class ProductAnswerStore {
    private static final Logger LOG = LoggerFactory.getLogger(ProductAnswerStore.class);
    /** The advisory lock space of catalog products ("FICU"), apart from Flyway's and anyone else's. */
    private static final int LOCK_SPACE = 0x46494355;
    private static final int RENDER_BATCH = 200;

    private ProductAnswerStore() {
    }

    /** Serializes the rendering of one product's answers until the transaction ends. */
    static void lock(Connection c, long productId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, LOCK_SPACE);
            // a lock key, not a value: ids beyond an int wrap, and a shared key only serializes two products
            ps.setInt(2, (int) productId);
            ps.executeQuery().close();
        }
    }

    /**
     * Renders the product's answers from its stored record and stock item and replaces the stored ones; removes them
     * when the product is not there. Call under {@link #lock}.
     */
    static void refresh(Connection c, long productId) throws SQLException {
        JsonNode record = null;
        JsonNode stock = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT p.record, s.record FROM products p "
                + "LEFT JOIN catalog_stock_items s ON s.product_id = p.magento_id WHERE p.magento_id = ?")) {
            ps.setLong(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    record = Json.read(rs.getString(1));
                    String s = rs.getString(2);
                    stock = s == null ? null : Json.read(s);
                }
            }
        }
        String sku = record == null ? null : record.path("sku").asText();
        removeAndAnnounce(c, productId, sku);
        if (record == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO product_answers (product_id, store_id, sku_key, "
                + "renderer, answer, item) VALUES (?, ?, lower(?), ?, ?, ?)")) {
            for (ProductAnswers.Rendered r : ProductAnswers.render(record, stock)) {
                ps.setLong(1, productId);
                ps.setLong(2, r.storeId());
                ps.setString(3, sku);
                ps.setInt(4, ProductAnswers.RENDERER);
                ps.setBytes(5, r.answer());
                ps.setBytes(6, r.item());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Removes the product's stored answers and tells every instance's cache which SKUs changed: those the removed
     * answers were for and {@code newSku}'s (null: none), one notification each on {@link AnswerListener#CHANNEL}
     * (a SKU may hold any character). PostgreSQL delivers them when the transaction commits, never on a rollback.
     */
    private static void removeAndAnnounce(Connection c, long productId, String newSku) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("WITH gone AS (DELETE FROM product_answers "
                + "WHERE product_id = ? RETURNING sku_key) SELECT pg_notify('" + AnswerListener.CHANNEL + "', k) "
                + "FROM (SELECT sku_key AS k FROM gone UNION SELECT lower(?)) changed WHERE k IS NOT NULL")) {
            ps.setLong(1, productId);
            ps.setString(2, newSku);
            ps.executeQuery().close();
        }
    }

    /**
     * Renders the answers of every product that has none, or only ones of an older {@link ProductAnswers#RENDERER}:
     * products stored before answers were, and every product after the rendering changed. Runs at start, before the
     * service answers; each batch of products in a transaction of its own, under the same locks as applying events.
     *
     * @return the products rendered
     */
    static int renderStale(DataSource dataSource) throws SQLException {
        int rendered = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                List<Long> ids = staleProducts(c, after);
                for (long id : ids) {
                    Savepoint before = c.setSavepoint();
                    try {
                        lock(c, id);
                        refresh(c, id);
                        rendered++;
                    } catch (RuntimeException e) {
                        // a record the renderer refuses: its product stays unanswered (404) until an event fixes it,
                        // and the other products are served
                        c.rollback(before);
                        LOG.error("catalog: cannot render product {}: {}", id, e.toString());
                    }
                }
                c.commit();
                if (ids.size() < RENDER_BATCH) {
                    break;
                }
                after = ids.get(ids.size() - 1);
            }
        }
        if (rendered > 0) {
            LOG.info("catalog: rendered the stored answers of {} products (renderer {})", rendered,
                    ProductAnswers.RENDERER);
        }
        return rendered;
    }

    private static List<Long> staleProducts(Connection c, long after) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.magento_id FROM products p "
                + "LEFT JOIN product_answers a ON a.product_id = p.magento_id AND a.store_id = 0 "
                + "WHERE p.magento_id > ? AND (a.product_id IS NULL OR a.renderer <> ?) "
                + "ORDER BY p.magento_id LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, ProductAnswers.RENDERER);
            ps.setInt(3, RENDER_BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
