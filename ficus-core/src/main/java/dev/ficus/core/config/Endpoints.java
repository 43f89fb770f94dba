package dev.ficus.core.config;

/** Reads the connection keys shared by every section that names a server: host, port, user, password, database. */
public final class Endpoints {
    private Endpoints() {
    }

    public static DatabaseEndpoint database(ConfigReader r, String what, int defaultPort, String defaultUser, String defaultDatabase) {
        String host = r.string("host", "127.0.0.1", "Host of " + what + ".");
        int port = r.port("port", defaultPort, "Port of " + what + ".");
        String user = r.string("user", defaultUser, "User Ficus logs in to " + what + " as.");
        Secret password = r.secret("password", "Password of that user.");
        String database = r.string("database", defaultDatabase, "Database (schema) name on " + what + ".");
        return new DatabaseEndpoint(host, port, user, password, database);
    }

    public static RedisEndpoint redis(ConfigReader r, String what, int defaultPort) {
        String host = r.string("host", "127.0.0.1", "Host of " + what + ".");
        int port = r.port("port", defaultPort, "Port of " + what + ".");
        Secret password = r.secret("password", "Redis AUTH password, if the server requires one.");
        return new RedisEndpoint(host, port, password);
    }
}
