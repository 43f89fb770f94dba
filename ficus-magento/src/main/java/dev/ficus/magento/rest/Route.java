package dev.ficus.magento.rest;

import io.vertx.core.http.HttpMethod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One webapi.xml route: method, path below /V1 with :params, who may call it, and what it does. */
record Route(HttpMethod method, String pattern, Access access, Handler handler) {

    /** A route's work; runs on a worker thread with a pooled connection. Returns the JSON value to send. */
    @FunctionalInterface
    interface Handler {
        Object handle(RestCall call, java.sql.Connection connection) throws Exception;
    }

    List<String> segments() {
        return List.of(pattern.substring(1).split("/"));
    }

    /** The path parameters, decoded, when {@code path} (segments after V1, undecoded) matches, else null. */
    Map<String, String> match(List<String> path) {
        List<String> pattern = segments();
        if (pattern.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.startsWith(":")) {
                params.put(p.substring(1), RestDispatcher.decode(path.get(i)));
            } else if (!p.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }
}
