package dev.ficus.services.runtime;

import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import dev.ficus.events.Topics;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The smallest read model, for the runtime's tests: product events set {@code probe_items.value} from
 * {@code record.value}, and every write is logged in {@code probe_writes}. A record with {@code "poison": true}
 * fails while {@link #broken} is set (the bug that a later fix removes).
 */
final class ProbeReadModel implements ReadModel {
    final AtomicBoolean broken = new AtomicBoolean(true);
    /** While set, every write waits for it to open: holds the consumer behind its stream (a backlog builds up). */
    final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
    private final String name;

    ProbeReadModel(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String migrations() {
        return "probe";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PRODUCT);
    }

    @Override
    public ReadModelWriter writer() {
        return new ReadModelWriter() {
            @Override
            public Set<EntityType> entityTypes() {
                return Set.of(EntityType.PRODUCT);
            }

            @Override
            public void upsert(Connection c, ChangeEvent event) throws SQLException {
                awaitHold();
                if (event.record().path("poison").asBoolean() && broken.get()) {
                    throw new IllegalStateException("cannot handle poison record of " + event.subject());
                }
                String value = RecordFields.requiredText(event.record(), "value");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO probe_items (magento_id, value) "
                        + "VALUES (?, ?) ON CONFLICT (magento_id) DO UPDATE SET value = EXCLUDED.value")) {
                    ps.setLong(1, event.magentoId());
                    ps.setString(2, value);
                    ps.executeUpdate();
                }
                log(c, event.magentoId(), "upsert", value);
            }

            @Override
            public void delete(Connection c, ChangeEvent event) throws SQLException {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM probe_items WHERE magento_id = ?")) {
                    ps.setLong(1, event.magentoId());
                    ps.executeUpdate();
                }
                log(c, event.magentoId(), "delete", null);
            }
        };
    }

    private void awaitHold() {
        CountDownLatch gate = hold.get();
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void log(Connection c, long id, String op, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO probe_writes (magento_id, op, value) VALUES (?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, op);
            ps.setString(3, value);
            ps.executeUpdate();
        }
    }

    @Override
    public void mount(Router router, ServiceContext context) {
        router.get("/probe/:id").handler(ctx -> context.answer(ctx, () -> {
            try (Connection c = context.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT value FROM probe_items WHERE magento_id = ?")) {
                ps.setLong(1, Long.parseLong(ctx.pathParam("id")));
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Answer.ok("{\"value\":\"" + rs.getString(1) + "\"}")
                            : new Answer(404, "{}");
                }
            }
        }));
    }
}
