package dev.ficus.core.config;

/**
 * The Magento being migrated: its REST base URL (the gateway's fallback and the checker's reference) and its
 * MySQL/MariaDB database (the sync's source). Defaults point at the dev stack's Magento stand-in.
 */
public record MagentoConfig(String baseUrl, DatabaseEndpoint database) {
    public static final int DEV_MARIADB_PORT = 13306;
    public static final int DEV_REST_PORT = 8080;

    public static final ConfigSection<MagentoConfig> SECTION = new ConfigSection<>() {
        @Override
        public String name() {
            return "magento";
        }

        @Override
        public String description() {
            return "the Magento shop being migrated";
        }

        @Override
        public MagentoConfig read(ConfigReader r) {
            String baseUrl = r.string("base_url", "http://127.0.0.1:" + DEV_REST_PORT,
                    "Magento's base URL; REST calls go to <base_url>/rest/….");
            if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
                r.problem("base_url", "must start with http:// or https://, got '" + baseUrl + "'");
            }
            return new MagentoConfig(stripSlash(baseUrl),
                    Endpoints.database(r.at("database"), "Magento's MySQL/MariaDB", DEV_MARIADB_PORT, "root", "magento"));
        }
    };

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
