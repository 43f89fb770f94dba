package dev.ficus.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.core.config.Secret;
import dev.ficus.devstack.DevStackSettings;
import dev.ficus.devstack.ServerChoice;

/** Reads the {@code FICUS_TEST_*} environment variables documented on {@link TestServers} into stack settings. */
final class TestServerEnvironment {
    static final String MODE = "FICUS_TEST_SERVERS";
    static final String MARIADB_URL = "FICUS_TEST_MARIADB_URL";
    static final String MARIADB_USER = "FICUS_TEST_MARIADB_USER";
    static final String MARIADB_PASSWORD = "FICUS_TEST_MARIADB_PASSWORD";
    static final String POSTGRES_URL = "FICUS_TEST_POSTGRES_URL";
    static final String POSTGRES_USER = "FICUS_TEST_POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "FICUS_TEST_POSTGRES_PASSWORD";
    static final String REDIS_URL = "FICUS_TEST_REDIS_URL";

    private TestServerEnvironment() {
    }

    /** Embedded servers in {@code stackDir}, wiped first; with {@code FICUS_TEST_SERVERS=external}, the given ones. */
    static DevStackSettings settings(Map<String, String> env, Path stackDir) {
        String mode = env.getOrDefault(MODE, "embedded").trim().toLowerCase(Locale.ROOT);
        DevStackSettings embedded = DevStackSettings.defaults().withWorkDir(stackDir).withFresh(true);
        switch (mode) {
            case "", "embedded":
                return embedded;
            case "external":
                break;
            default:
                throw new IllegalArgumentException(MODE + " must be 'embedded' or 'external', was '" + mode + "'");
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of(MARIADB_URL, POSTGRES_URL, REDIS_URL)) {
            if (env.getOrDefault(required, "").isBlank()) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(MODE + "=external needs " + String.join(", ", missing));
        }
        return embedded.withFresh(false)
                .withMariadb(ServerChoice.external(database(env.get(MARIADB_URL), "mariadb", 3306,
                        env.getOrDefault(MARIADB_USER, "root"), env.get(MARIADB_PASSWORD), "")))
                .withPostgres(ServerChoice.external(database(env.get(POSTGRES_URL), "postgresql", 5432,
                        env.getOrDefault(POSTGRES_USER, "postgres"), env.get(POSTGRES_PASSWORD), "postgres")))
                .withRedis(ServerChoice.external(redis(env.get(REDIS_URL))));
    }

    /** {@code jdbc:<scheme>://host[:port][/database]}; the {@code jdbc:} prefix is optional. */
    static DatabaseEndpoint database(String url, String scheme, int defaultPort, String user, String password,
                                     String defaultDatabase) {
        String trimmed = url.trim();
        String withoutJdbc = trimmed.startsWith("jdbc:") ? trimmed.substring("jdbc:".length()) : trimmed;
        URI uri = URI.create(withoutJdbc);
        if (!scheme.equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected jdbc:" + scheme + "://host[:port][/database], got " + url);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new DatabaseEndpoint(uri.getHost(), uri.getPort() < 0 ? defaultPort : uri.getPort(), user,
                Secret.of(password), path.isEmpty() ? defaultDatabase : path);
    }

    /** {@code redis://[:password@]host[:port]}, the password URL-encoded. */
    static RedisEndpoint redis(String url) {
        URI uri = URI.create(url.trim());
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            // the URL may carry a password, so it is not repeated here
            throw new IllegalArgumentException(REDIS_URL + " must look like redis://[:password@]host[:port]");
        }
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            String encoded = userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : userInfo;
            password = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        }
        return new RedisEndpoint(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), Secret.of(password));
    }
}
