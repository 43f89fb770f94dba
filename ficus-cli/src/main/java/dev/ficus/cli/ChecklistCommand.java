package dev.ficus.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.check.Checker;
import dev.ficus.check.CountRow;
import dev.ficus.check.Target;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.flag.FlagStore;
import dev.ficus.gateway.flag.FlagStores;
import dev.ficus.services.runtime.ReadModelDatabase;
import dev.ficus.services.runtime.RedisConnector;
import dev.ficus.services.runtime.SnapshotMarks;
import dev.ficus.services.runtime.StreamLag;
import dev.ficus.sync.config.SyncConfig;
import dev.ficus.sync.preflight.CheckResult;
import dev.ficus.sync.preflight.Preflight;
import dev.ficus.sync.preflight.PreflightReport;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "checklist", mixinStandardHelpOptions = true,
        description = {
            "Walk the plan's pre-deployment and go-live checklist (section 8).",
            "",
            "Each item Ficus can check by itself gets ✓ or ✗, with what to do about each ✗: Magento's binlog and the "
                + "sync login's grants (the checks of 'ficus preflight'), the id map's and the read models' counts "
                + "against Magento (those of 'ficus check --counts'), the snapshot complete (every service has "
                + "applied the sync's end-of-snapshot mark on each of its topics), every topic receiving events and "
                + "every consumer group caught up (platform.redis), the sync's offsets store writable, and every read "
                + "flag false before go-live (gateway.flags). The items it cannot check (the team trained, rollback "
                + "tested, the rollout steps) are listed as manual, with what to do.",
            "",
            "Exit status 0 when no checkable item is ✗, 1 otherwise."})
final class ChecklistCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the checklist as JSON (for scripts) instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LoadedConfig config = ConfigFiles.load(global.config);
        MagentoConfig magento = config.get(MagentoConfig.SECTION);
        PlatformConfig platform = config.get(PlatformConfig.SECTION);
        List<ChecklistItem> items = new ArrayList<>();
        items.add(preflight(config, magento));
        items.addAll(counts(magento, platform));
        items.add(snapshot(platform));
        items.addAll(streams(platform));
        items.add(offsets(config.get(SyncConfig.SECTION)));
        items.add(flags(config.get(GatewayConfig.SECTION)));
        items.addAll(manualItems());
        Checklist checklist = new Checklist(items);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(checklist.toJson())
                + System.lineSeparator() : checklist.toTable());
        out.flush();
        return checklist.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static ChecklistItem preflight(LoadedConfig config, MagentoConfig magento) {
        String item = "Binlog and grants";
        try {
            PreflightReport report = Preflight.run(SyncPreflight.settings(config, magento.database()));
            if (report.passed()) {
                return ChecklistItem.pass(item, report.checks().size() + " preflight checks pass ("
                        + report.serverVersion() + ")");
            }
            List<CheckResult> failures = report.failures();
            return ChecklistItem.fail(item,
                    failures.stream().map(f -> f.check() + ": " + f.detail()).collect(Collectors.joining("; ")),
                    failures.stream().map(CheckResult::fix).collect(Collectors.joining("; ")));
        } catch (RuntimeException e) {
            return unreachable(item, e, "make magento.database reachable, then run 'ficus preflight'");
        }
    }

    /** The id map's counts and the read models' (the full extraction) against Magento's. */
    private static List<ChecklistItem> counts(MagentoConfig magento, PlatformConfig platform) {
        try (Checker checker = Checker.connect(magento.database(), platform.postgres(), 1)) {
            List<CountRow> rows = checker.counts(Target.of(null));
            List<CountRow> idMap = rows.stream().filter(ChecklistCommand::isIdMap).toList();
            List<CountRow> models = rows.stream().filter(r -> !isIdMap(r)).toList();
            return List.of(countItem("Id map counts", idMap), countItem("Full extraction counts match", models));
        } catch (Exception e) {
            return List.of(unreachable("Id map and extraction counts", e,
                    "make magento.database and platform.postgres reachable, then run 'ficus check all --counts'"));
        }
    }

    private static boolean isIdMap(CountRow row) {
        return row.platformSource().startsWith("magento_id_map");
    }

    private static ChecklistItem countItem(String item, List<CountRow> rows) {
        if (rows.isEmpty()) {
            return ChecklistItem.fail(item, "nothing was counted", "run 'ficus check all --counts' and see why");
        }
        List<CountRow> off = rows.stream().filter(r -> !r.ok()).toList();
        if (off.isEmpty()) {
            return ChecklistItem.pass(item, rows.size() + " counts agree with Magento");
        }
        return ChecklistItem.fail(item, off.stream().map(r -> r.what() + ": Magento " + r.magento() + ", "
                        + r.platformSource() + " " + r.platform()).collect(Collectors.joining("; ")),
                "let the sync catch up, then 'ficus check all --all --repair' re-publishes what is missing");
    }

    private static ChecklistItem snapshot(PlatformConfig platform) {
        String item = "Snapshot complete";
        try (HikariDataSource db = ReadModelDatabase.pool(platform.postgres(), "checklist", 1)) {
            List<String> missing = new ArrayList<>();
            for (Domain d : Domain.values()) {
                Set<String> topics = new SnapshotMarks(d.id(), d.topics(), db).refresh();
                topics.forEach(t -> missing.add(d.id() + " " + t));
            }
            if (missing.isEmpty()) {
                return ChecklistItem.pass(item, "every service applied the end-of-snapshot mark of each topic");
            }
            return ChecklistItem.fail(item, "no snapshot mark applied: " + String.join(", ", missing),
                    "let the sync finish its snapshot and the services ('ficus service NAME') apply it");
        } catch (Exception e) {
            return unreachable(item, e, "make platform.postgres reachable and the services' tables migrated");
        }
    }

    /** Every topic has events and every domain's consumer group has applied them all. */
    private static List<ChecklistItem> streams(PlatformConfig platform) {
        Vertx vertx = Vertx.vertx();
        try {
            Redis redis = RedisConnector.of(platform.redis()).connect(vertx);
            try {
                List<String> empty = new ArrayList<>();
                List<String> behind = new ArrayList<>();
                for (Domain d : Domain.values()) {
                    for (String topic : d.topics()) {
                        long length = redis.send(Request.cmd(io.vertx.redis.client.Command.XLEN).arg(topic))
                                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toLong();
                        if (length == 0 && !empty.contains(topic)) {
                            empty.add(topic);
                        }
                    }
                    // this tool is no member of the group: only the group's figures count
                    for (StreamLag.TopicLag lag : new StreamLag(redis, d.id(), "ficus-checklist").measure(d.topics())
                            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)) {
                        if (lag.toApply() > 0) {
                            behind.add(d.id() + " " + lag.topic() + " (" + lag.toApply() + " to apply)");
                        }
                    }
                }
                return List.of(
                        empty.isEmpty() ? ChecklistItem.pass("Every topic receiving events", "no topic is empty")
                                : ChecklistItem.fail("Every topic receiving events", "empty: " + String.join(", ", empty),
                                "start the sync ('ficus sync') and check its tables (sync.tables) and its log"),
                        behind.isEmpty() ? ChecklistItem.pass("Every consumer group caught up", "nothing left to apply")
                                : ChecklistItem.fail("Every consumer group caught up", String.join(", ", behind),
                                "start the read services ('ficus service NAME'); look at 'ficus dlq list'"));
            } finally {
                redis.close();
            }
        } catch (Exception e) {
            return List.of(unreachable("Topics and consumer groups", e, "make platform.redis reachable"));
        } finally {
            vertx.close();
        }
    }

    private static ChecklistItem offsets(SyncConfig sync) {
        String item = "Offsets store writable";
        SyncConfig.Offsets offsets = sync.offsets();
        if (offsets.store() != SyncConfig.OffsetStore.FILE) {
            return ChecklistItem.manual(item, "offsets are kept in " + offsets.store().name().toLowerCase(
                    java.util.Locale.ROOT) + ": make sure the sync's login may write there");
        }
        Path file = offsets.file().toAbsolutePath();
        Path dir = file.getParent();
        boolean writable = Files.exists(file) ? Files.isWritable(file) : dir != null && Files.isWritable(dir);
        if (writable) {
            return ChecklistItem.pass(item, file.toString());
        }
        return ChecklistItem.fail(item, file + " cannot be written",
                "create " + dir + " and let the sync's user write it (sync.offsets.file)");
    }

    private static ChecklistItem flags(GatewayConfig gateway) {
        String item = "Flags all false before go-live";
        Vertx vertx = Vertx.vertx();
        try (FlagStore store = FlagStores.open(gateway.flags(), vertx)) {
            Map<String, String> values = store.read();
            List<String> on = new ArrayList<>();
            for (Domain d : Domain.values()) {
                String value = values.get(d.flag());
                if (value != null && !value.isBlank() && !value.strip().equalsIgnoreCase("false")) {
                    on.add(d.flag() + "=" + value.strip());
                }
            }
            if (on.isEmpty()) {
                return ChecklistItem.pass(item, "every read flag is false (" + store.description() + ")");
            }
            return ChecklistItem.fail(item, String.join(", ", on) + " (" + store.description() + ")",
                    on.stream().map(f -> "ficus flags disable " + f.substring(0, f.indexOf('=')) + " --reason ...")
                            .collect(Collectors.joining("; ")));
        } catch (Exception e) {
            return unreachable(item, e, "make the flag store (gateway.flags) readable");
        } finally {
            vertx.close();
        }
    }

    /**
     * The plan's go-live steps come after the items above and are done one at a time by people; they are listed so the
     * checklist reads as the plan's section 8 does.
     */
    static List<ChecklistItem> manualItems() {
        return List.of(
                ChecklistItem.manual("Monitoring dashboard and alerts set up",
                        "load the Prometheus rules and the dashboard (deploy/), and see an alert reach the on-call"),
                ChecklistItem.manual("Rollback tested",
                        "in staging turn a flag on and off ('ficus flags enable/disable') and see reads go back to "
                                + "Magento"),
                ChecklistItem.manual("Team trained", "walk the on-call through 'ficus flags', 'ficus dlq' and "
                        + "'ficus check'"),
                ChecklistItem.manual("Rollout: catalog_read for 10% of the team",
                        "ficus flags enable catalog_read --value 10% --reason ..."),
                ChecklistItem.manual("Rollout: monitor 24 hours",
                        "'ficus flags list' shows no auto-disable, latency under 2s on the dashboard"),
                ChecklistItem.manual("Rollout: 100% of the traffic",
                        "ficus flags enable catalog_read --reason ...; then the next domain the same way"));
    }

    private static ChecklistItem unreachable(String item, Exception e, String fix) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ChecklistItem.fail(item, "could not check: " + message, fix);
    }
}
