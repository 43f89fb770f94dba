package dev.ficus.sync.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.events.SourcePosition;
import dev.ficus.sync.decode.RowChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which child row changes a parent change implies, and what the index learns (pure logic; the IT runs it on MariaDB). */
class CascadesTest {
    private static final ForeignKey ORDER_CUSTOMER = new ForeignKey("SALES_ORDER_CUSTOMER_ID", "sales_order",
            List.of("customer_id"), "customer_entity", List.of("entity_id"), Rule.SET_NULL, Rule.NONE);
    private static final ForeignKey LINK_CHILD = new ForeignKey("LNK_PRD_ID", "catalog_product_super_link",
            List.of("product_id"), "catalog_product_entity", List.of("entity_id"), Rule.CASCADE, Rule.NONE);
    private static final ForeignKey ORDER_CUSTOMER_CASCADE = new ForeignKey("ORDER_CUSTOMER_CASCADE", "sales_order",
            List.of("customer_id"), "customer_entity", List.of("entity_id"), Rule.CASCADE, Rule.CASCADE);
    private static final ForeignKey ITEM_ORDER = new ForeignKey("ITEM_ORDER", "sales_order_item",
            List.of("order_id"), "sales_order", List.of("entity_id"), Rule.CASCADE, Rule.NONE);

    private long pos = 100;
    private final Map<String, List<Map<String, Object>>> index = new HashMap<>();

    private static ForeignKeys keys(ForeignKey... keys) {
        return new ForeignKeys(List.of(keys), Map.of(
                "sales_order", List.of("entity_id", "customer_id", "store_id"),
                "catalog_product_super_link", List.of("link_id", "product_id", "parent_id"),
                "sales_order_item", List.of("item_id", "order_id")), Map.of(
                "sales_order", List.of("entity_id"),
                "catalog_product_super_link", List.of("link_id"),
                "sales_order_item", List.of("item_id")));
    }

    private RowChange row(String table, RowChange.Kind kind, Map<String, Object> before, Map<String, Object> after) {
        return new RowChange(table, kind, before, after,
                new SourcePosition("mariadb-bin.000001", pos++, 0, 0, null, 0, kind == RowChange.Kind.READ));
    }

    private static Map<String, Object> cols(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private void indexed(ForeignKey key, String parentKey, Map<String, Object> child) {
        index.computeIfAbsent(key.id() + "/" + parentKey, k -> new ArrayList<>()).add(child);
    }

    private List<RowChange> infer(ForeignKeys keys, RowChange... batch) throws InterruptedException {
        return Cascades.infer(keys, List.of(batch), lookups -> {
            Map<Cascades.Lookup, List<Map<String, Object>>> out = new HashMap<>();
            for (Cascades.Lookup l : lookups) {
                List<Map<String, Object>> rows = index.get(l.key().id() + "/" + l.parentKey());
                if (rows != null) {
                    out.put(l, rows);
                }
            }
            return out;
        });
    }

    @Test
    void aDeletedCustomersOrdersLoseTheirCustomerId() throws Exception {
        indexed(ORDER_CUSTOMER, "7", cols("entity_id", 9L, "customer_id", 7L, "store_id", 1L));
        indexed(ORDER_CUSTOMER, "8", cols("entity_id", 10L, "customer_id", 8L, "store_id", 1L));
        RowChange delete = row("customer_entity", RowChange.Kind.DELETE, cols("entity_id", 7L, "email", "a@b"), null);

        List<RowChange> out = infer(keys(ORDER_CUSTOMER), delete);

        assertThat(out).hasSize(1);
        RowChange order = out.get(0);
        assertThat(order.table()).isEqualTo("sales_order");
        assertThat(order.kind()).isEqualTo(RowChange.Kind.UPDATE);
        assertThat(order.before()).containsEntry("customer_id", 7L);
        assertThat(order.after()).containsEntry("entity_id", 9L).containsEntry("customer_id", null);
        assertThat(order.position()).isEqualTo(delete.position());
    }

    @Test
    void aDeletedChildsSuperLinksAreDeleted() throws Exception {
        indexed(LINK_CHILD, "22", cols("link_id", 5L, "product_id", 22L, "parent_id", 20L));

        List<RowChange> out = infer(keys(LINK_CHILD),
                row("catalog_product_entity", RowChange.Kind.DELETE, cols("entity_id", 22L, "sku", "C"), null));

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RowChange.Kind.DELETE);
            assertThat(r.before()).containsEntry("parent_id", 20L);
        });
    }

    @Test
    void childrenTheBatchItselfShowsCountBeforeTheIndexHasThem() throws Exception {
        List<RowChange> out = infer(keys(LINK_CHILD),
                row("catalog_product_super_link", RowChange.Kind.CREATE, null,
                        cols("link_id", 6L, "product_id", 23L, "parent_id", 20L)),
                row("catalog_product_entity", RowChange.Kind.DELETE, cols("entity_id", 23L), null));

        assertThat(out).singleElement().satisfies(r -> assertThat(r.before()).containsEntry("link_id", 6L));
    }

    @Test
    void nestedCascadesAreFollowed() throws Exception {
        indexed(ORDER_CUSTOMER_CASCADE, "7", cols("entity_id", 9L, "customer_id", 7L, "store_id", 1L));
        indexed(ITEM_ORDER, "9", cols("item_id", 90L, "order_id", 9L));

        List<RowChange> out = infer(keys(ORDER_CUSTOMER_CASCADE, ITEM_ORDER),
                row("customer_entity", RowChange.Kind.DELETE, cols("entity_id", 7L), null));

        assertThat(out).extracting(RowChange::table, RowChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sales_order", RowChange.Kind.DELETE),
                org.assertj.core.groups.Tuple.tuple("sales_order_item", RowChange.Kind.DELETE));
    }

    @Test
    void aChangedParentKeyIsFollowedUnderOnUpdateCascadeOnly() throws Exception {
        indexed(ORDER_CUSTOMER_CASCADE, "7", cols("entity_id", 9L, "customer_id", 7L, "store_id", 1L));
        indexed(ORDER_CUSTOMER, "7", cols("entity_id", 9L, "customer_id", 7L, "store_id", 1L));
        RowChange renumbered = row("customer_entity", RowChange.Kind.UPDATE, cols("entity_id", 7L, "email", "a"),
                cols("entity_id", 8L, "email", "a"));

        assertThat(infer(keys(ORDER_CUSTOMER_CASCADE), renumbered)).singleElement()
                .satisfies(r -> assertThat(r.after()).containsEntry("customer_id", 8L));
        // ON UPDATE RESTRICT: the update could not have happened with children; nothing to infer
        assertThat(infer(keys(ORDER_CUSTOMER), renumbered)).isEmpty();
        // an update that leaves the key alone changes no child
        assertThat(infer(keys(ORDER_CUSTOMER_CASCADE), row("customer_entity", RowChange.Kind.UPDATE,
                cols("entity_id", 7L, "email", "a"), cols("entity_id", 7L, "email", "b")))).isEmpty();
    }

    /** Debezium sends a primary key update as a DELETE (new key in a header) and a CREATE (old key in a header). */
    @Test
    void aPrimaryKeyUpdateIsAKeyChangeNotADelete() throws Exception {
        indexed(ORDER_CUSTOMER_CASCADE, "7", cols("entity_id", 9L, "customer_id", 7L, "store_id", 1L));
        RowChange deleteHalf = new RowChange("customer_entity", RowChange.Kind.DELETE, cols("entity_id", 7L), null,
                new SourcePosition("mariadb-bin.000001", 500, 0, 0, null, 0, false), cols("entity_id", 8L));
        RowChange createHalf = new RowChange("customer_entity", RowChange.Kind.CREATE, null, cols("entity_id", 8L),
                new SourcePosition("mariadb-bin.000001", 500, 0, 0, null, 0, false), cols("entity_id", 7L));

        assertThat(infer(keys(ORDER_CUSTOMER_CASCADE), deleteHalf, createHalf)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RowChange.Kind.UPDATE);
            assertThat(r.after()).containsEntry("customer_id", 8L);
        });
        assertThat(infer(keys(ORDER_CUSTOMER), deleteHalf, createHalf)).isEmpty();
    }

    @Test
    void theIndexLearnsTheLastPlaceOfEveryChildRow() {
        ForeignKeys keys = keys(ORDER_CUSTOMER);
        RowChange created = row("sales_order", RowChange.Kind.CREATE, null,
                cols("entity_id", 9L, "customer_id", 7L, "store_id", 1L, "grand_total", "10.0000"));
        RowChange moved = row("sales_order", RowChange.Kind.UPDATE, created.after(),
                cols("entity_id", 9L, "customer_id", 8L, "store_id", 1L));
        RowChange guest = row("sales_order", RowChange.Kind.CREATE, null, cols("entity_id", 10L, "store_id", 1L));
        RowChange gone = row("sales_order", RowChange.Kind.DELETE, cols("entity_id", 11L, "customer_id", 7L), null);
        RowChange snapshotRead = row("sales_order", RowChange.Kind.READ, null, cols("entity_id", 12L, "customer_id", 7L));

        List<Cascades.Mutation> m = Cascades.mutations(keys, List.of(created, moved, guest, gone, snapshotRead));

        assertThat(m).extracting(Cascades.Mutation::rowKey, Cascades.Mutation::parentKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("9", "8"),
                org.assertj.core.groups.Tuple.tuple("10", null),
                org.assertj.core.groups.Tuple.tuple("11", null));
        // only the identifying columns are kept
        assertThat(m.get(0).row()).containsOnlyKeys("entity_id", "customer_id", "store_id");
    }
}
