package dev.ficus.core.config;

import java.util.Objects;

/** Where a relational database listens and who to log in as. The password stays a {@link Secret}. */
public record DatabaseEndpoint(String host, int port, String user, Secret password, String database) {

    public DatabaseEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        password = password == null ? Secret.empty() : password;
        database = database == null ? "" : database;
    }

    public String mariadbJdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    public String postgresJdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The same server, another database on it. */
    public DatabaseEndpoint withDatabase(String otherDatabase) {
        return new DatabaseEndpoint(host, port, user, password, otherDatabase);
    }

    /** The same server, another login. */
    public DatabaseEndpoint withLogin(String otherUser, Secret otherPassword) {
        return new DatabaseEndpoint(host, port, otherUser, otherPassword, database);
    }
}
