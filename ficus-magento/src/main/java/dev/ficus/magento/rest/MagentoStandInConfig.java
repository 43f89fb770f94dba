package dev.ficus.magento.rest;

import dev.ficus.core.config.ConfigReader;
import dev.ficus.core.config.ConfigSection;
import dev.ficus.core.config.Secret;
import java.time.Duration;

/**
 * The Magento stand-in's own settings (section {@code standin}); the shop's database comes from
 * {@code magento.database} (core's MagentoConfig).
 */
public record MagentoStandInConfig(String host, int port, boolean allowAnonymousCatalog, String adminUser,
                                   Secret adminPassword, Secret tokenKey, Duration adminTokenLifetime,
                                   Duration customerTokenLifetime, int poolSize) {

    public static final int DEFAULT_PORT = 8080;
    /** The dev stand-in's documented login (DESIGN.md, "Magento stand-in credentials in ficus dev"). */
    public static final String DEV_ADMIN_USER = "admin";
    public static final String DEV_ADMIN_PASSWORD = "admin123";

    public static final ConfigSection<MagentoStandInConfig> SECTION = new ConfigSection<>() {
        @Override
        public String name() {
            return "standin";
        }

        @Override
        public String description() {
            return "the Magento stand-in (REST subset of Magento 2.4 on the shop's database)";
        }

        @Override
        public MagentoStandInConfig read(ConfigReader r) {
            String host = r.string("host", "127.0.0.1", "Address the stand-in's HTTP server binds to.");
            int port = r.port("port", DEFAULT_PORT, "HTTP port of the stand-in (0 picks a free port).");
            boolean anonymous = r.bool("allow_anonymous_catalog", false, "Serve GET /V1/products and"
                    + " /V1/products/{sku} without a token, as Magento's 'Allow Anonymous Guest Access'"
                    + " (webapi/webapisecurity/allow_insecure) does. Magento's default is off.");
            String user = r.string("admin_user", DEV_ADMIN_USER, "Admin user name accepted by POST /V1/integration/admin/token.");
            Secret password = r.secret("admin_password", "Admin password for that user; empty means the dev"
                    + " stand-in's documented password '" + DEV_ADMIN_PASSWORD + "'.");
            Secret key = r.secret("token_key", "Key that signs the HS256 bearer tokens; empty means a random key per"
                    + " process (tokens then die with the process).");
            Duration adminLifetime = r.duration("admin_token_lifetime", Duration.ofHours(4),
                    "Lifetime of admin tokens (Magento's oauth/access_token_lifetime/admin default).");
            Duration customerLifetime = r.duration("customer_token_lifetime", Duration.ofHours(1),
                    "Lifetime of customer tokens (Magento's oauth/access_token_lifetime/customer default).");
            int pool = r.integer("pool_size", 8, 1, 64, "JDBC connections to the shop's database.");
            return new MagentoStandInConfig(host, port, anonymous, user,
                    password.reveal().isEmpty() ? Secret.of(DEV_ADMIN_PASSWORD) : password, key, adminLifetime,
                    customerLifetime, pool);
        }
    };

    /** The defaults with another port, for tests and embedding (port 0 = any free port). */
    public static MagentoStandInConfig defaults(int port) {
        return new MagentoStandInConfig("127.0.0.1", port, false, DEV_ADMIN_USER, Secret.of(DEV_ADMIN_PASSWORD),
                Secret.empty(), Duration.ofHours(4), Duration.ofHours(1), 8);
    }

    public MagentoStandInConfig withAnonymousCatalog(boolean allow) {
        return new MagentoStandInConfig(host, port, allow, adminUser, adminPassword, tokenKey, adminTokenLifetime,
                customerTokenLifetime, poolSize);
    }
}
