package dev.ficus.tools;

import dev.ficus.cli.ForegroundCommand;
import dev.ficus.cli.Running;
import dev.ficus.cli.SyncPreflight;
import dev.ficus.cli.UserFacingException;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.config.Secret;
import dev.ficus.devstack.DevStack;
import dev.ficus.events.Domain;
import dev.ficus.gateway.Gateway;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.fixture.SeedListener;
import dev.ficus.magento.rest.MagentoStandIn;
import dev.ficus.magento.rest.MagentoStandInConfig;
import dev.ficus.services.ReadServices;
import dev.ficus.services.ServicesConfig;
import dev.ficus.sync.SyncService;
import dev.ficus.sync.config.SyncConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {
            "Run the whole system on this machine, on embedded servers.",
            "",
            "Starts embedded MariaDB (binlog on), PostgreSQL and Redis; the Magento stand-in on :8080 with a "
                + "seeded shop (the small profile, when the database is empty); the sync; the four read services on "
                + ":8005-8008; the gateway on :8000 (its management port, with metrics, health and the admin page, on "
                + ":8001). Prints where each part runs. Everything is kept in devstack.work_dir (.ficus/) across "
                + "restarts: the servers' data, the sync's offsets and schema history, the flag directory and the "
                + "admin token, unless their keys name other places. Ctrl-C or SIGTERM stops everything, in reverse "
                + "order; after a kill -9 the next start stops the servers left running in the work directory.",
            "",
            "Flags start as the flag store says (all off when it is empty): turn reads over with 'ficus flags "
                + "enable catalog_read --reason \"...\"'. The admin token is generated into <work_dir>/admin-token "
                + "unless gateway.admin.token is set.",
            "",
            "Before the sync starts, Magento's database is checked as 'ficus preflight' does (the seeded embedded "
                + "one passes); a failure stops the start with the report and its fixes (exit status 1)."})
final class DevCommand extends ForegroundCommand {
    private static final Logger log = LoggerFactory.getLogger(DevCommand.class);

    @Option(names = "--fresh", description = "Wipe the embedded servers' data and the sync's file offsets before starting. "
            + "Touches nothing outside devstack.work_dir (external servers are never touched).")
    boolean fresh;

    @Mixin
    SyncPreflight preflight;

    @Option(names = "--profile", defaultValue = "small", paramLabel = "small|medium|large",
            converter = FixtureProfileConverter.class,
            description = "Shop seeded into an empty Magento database (default: ${DEFAULT-VALUE}).")
    FixtureProfile profile;

    @Override
    protected String title() {
        return "Ficus dev stack";
    }

    @Override
    protected void start(LoadedConfig config, Running running) throws Exception {
        MagentoConfig magento = config.get(MagentoConfig.SECTION);
        PlatformConfig platform = config.get(PlatformConfig.SECTION);
        DevStackSection devstack = config.get(DevStackSection.SECTION);
        WorkDirPaths paths = new WorkDirPaths(devstack.workDir(), config);
        SyncConfig sync = paths.sync(config.get(SyncConfig.SECTION));
        if (fresh) {
            wipeFileOffsets(sync, paths);
        }

        DevStack stack = running.add("dev stack", DevStack.start(devstack.settings(magento, platform, fresh)));
        stack.handOverShutdown();
        running.row("MariaDB (Magento DB, binlog on)", stack.mariadb().mariadbJdbcUrl(), "user " + stack.mariadb().user());
        running.row("PostgreSQL (platform DB)", stack.postgres().postgresJdbcUrl(), "user " + stack.postgres().user());
        running.row("Redis (migration topics)", stack.redis().display(), "");
        // the servers may sit on other ports than configured (port 0): every part below gets the real ones
        PlatformConfig live = new PlatformConfig(stack.postgres(), stack.redis());

        MagentoSeeder.seedIfEmpty(stack.mariadb(), profile, 1, SeedListener.NONE).ifPresent(report ->
                log.info("seeded the {} shop into the empty Magento database in {} s", report.profile(),
                        String.format("%.1f", report.elapsed().toMillis() / 1000.0)));
        preflight.require(config, stack.mariadb());

        MagentoStandInConfig standInConfig = config.get(MagentoStandInConfig.SECTION);
        MagentoStandIn standIn = running.add("Magento stand-in", MagentoStandIn.start(standInConfig, stack.mariadb()));
        running.row("Magento stand-in (REST)", standIn.baseUrl() + "/rest/V1", "admin token: POST "
                + "/rest/V1/integration/admin/token as " + standInConfig.adminUser() + "/"
                + (MagentoStandInConfig.DEV_ADMIN_PASSWORD.equals(standInConfig.adminPassword().reveal())
                        || standInConfig.adminPassword().isEmpty() ? MagentoStandInConfig.DEV_ADMIN_PASSWORD : "(configured)"));
        MagentoConfig liveMagento = new MagentoConfig(standIn.baseUrl(), stack.mariadb());

        SyncService syncService = running.add("sync", SyncService.start(sync, liveMagento, live));
        running.row("sync (binlog -> topics)", "http://127.0.0.1:" + syncService.port() + "/metrics", "");

        ReadServices services = running.add("read services",
                ReadServices.start("all", config.get(ServicesConfig.SECTION), live));
        Map<Domain, String> urls = new EnumMap<>(Domain.class);
        for (Domain name : Domain.values()) {
            String url = "http://127.0.0.1:" + services.port(name);
            urls.put(Domain.valueOf(name.name()), url);
            running.row(name.id() + " service", url + "/rest/V1", "");
        }

        GatewayConfig gatewayConfig = paths.gateway(config.get(GatewayConfig.SECTION)).withServiceUrls(urls)
                .withAnonymousCatalog(standInConfig.allowAnonymousCatalog());
        String tokenNote = "admin token: gateway.admin.token";
        if (gatewayConfig.admin().token().isEmpty()) {
            Secret token = DevAdminToken.loadOrCreate(devstack.workDir());
            gatewayConfig = gatewayConfig.withAdminToken(token);
            tokenNote = "admin token: " + DevAdminToken.file(devstack.workDir());
        }
        Gateway gateway = running.add("gateway", Gateway.start(gatewayConfig, liveMagento));
        running.row("gateway (send clients here)", "http://127.0.0.1:" + gateway.port() + "/rest/V1",
                "flags: " + gatewayConfig.flags().store().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + gatewayConfig.flags().path());
        String management = "http://127.0.0.1:" + gateway.managementPort();
        running.row("gateway management", management, "/metrics, /health/ready, admin API "
                + gatewayConfig.admin().pathPrefix() + "/api");
        running.row("gateway admin page", management + gatewayConfig.admin().pathPrefix() + "/admin", tokenNote);
    }

    /**
     * The offsets name binlog positions of the wiped server: kept, they would point the sync at nothing. --fresh
     * wipes the work directory only, so offsets configured outside it stop the start instead of being deleted.
     */
    private static void wipeFileOffsets(SyncConfig sync, WorkDirPaths paths) throws IOException {
        if (sync.offsets().store() != SyncConfig.OffsetStore.FILE) {
            return;
        }
        Path[] files = {sync.offsets().file(), sync.offsets().historyFile()};
        for (Path file : files) {
            if (!paths.contains(file) && Files.exists(file)) {
                throw new UserFacingException("--fresh wipes " + paths.workDir() + " only, but the sync's offsets "
                        + file + " (" + WorkDirPaths.OFFSETS_FILE + " / " + WorkDirPaths.HISTORY_FILE + ") are "
                        + "outside it and would point the sync at the wiped binlog. Remove them yourself, or leave "
                        + "those keys unset so that they live in the work directory.");
            }
        }
        for (Path file : files) {
            if (Files.deleteIfExists(file)) {
                log.info("--fresh: removed {}", file);
            }
        }
    }
}
