package dev.ficus.sync.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.EntityType;
import dev.ficus.sync.cascade.Reference;
import dev.ficus.sync.coalesce.Pending;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.eav.Reads;
import dev.ficus.sync.idmap.IdKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Customers with their addresses: a change to customer_entity or customer_address_entity gives one customer event
 * whose record holds every address (each with its own platform UUID, entity type {@code customer_address}).
 * Password hashes and reset tokens never leave Magento.
 */
public final class CustomerHandler implements DomainHandler {
    static final Set<String> SECRET_COLUMNS = Set.of("password_hash", "rp_token", "rp_token_created_at");

    @Override
    public EntityType entityType() {
        return EntityType.CUSTOMER;
    }

    @Override
    public Set<String> tables() {
        return Set.of("customer_entity", "customer_address_entity");
    }

    @Override
    public Set<String> snapshotTables() {
        return Set.of("customer_entity");
    }

    /** Addresses live in their customer's record: a customer's delete event takes them with it. */
    @Override
    public Set<Reference> followedThroughParent() {
        return Set.of(new Reference("customer_address_entity", "parent_id"));
    }

    @Override
    public void collect(RowChange row, PendingChanges into) {
        if (row.table().equals("customer_entity")) {
            into.touch(row.longValue("entity_id"), row, row.row());
        } else if (!row.isSnapshot()) {
            ProductHandler.touchBoth(row, "parent_id", into);
        }
    }

    @Override
    public Map<Long, ObjectNode> extract(Connection c, List<Long> ids, Reads reads) throws SQLException {
        Map<Long, ObjectNode> customers = Records.byKey(c, reads, "customer_entity", "entity_id", ids, SECRET_COLUMNS);
        Records.attachChildren(c, reads, customers, "customer_address_entity", "parent_id", "entity_id", "addresses");
        return customers;
    }

    @Override
    public List<IdKey> references(ObjectNode record) {
        List<IdKey> keys = new ArrayList<>();
        for (JsonNode a : record.path("addresses")) {
            keys.add(new IdKey(EntityType.CUSTOMER_ADDRESS, a.path("entity_id").asLong()));
        }
        return keys;
    }

    @Override
    public void attachReferences(ObjectNode record, Map<IdKey, UUID> ids) {
        for (JsonNode a : record.path("addresses")) {
            UUID id = ids.get(new IdKey(EntityType.CUSTOMER_ADDRESS, a.path("entity_id").asLong()));
            ((ObjectNode) a).put("id", id.toString());
        }
    }

    @Override
    public ObjectNode deletedRecord(Pending pending) {
        ObjectNode o = Records.fromImage(pending.lastImage(), List.of("entity_id", "email", "website_id"));
        o.put("entity_id", pending.magentoId());
        return o;
    }
}
