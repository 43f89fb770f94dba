package dev.ficus.sync.eav;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code WHERE id IN (?, ?, …)} for a list of ids, split into chunks so that one statement never grows unbounded. */
public final class InList {
    public static final int CHUNK = 1000;

    private InList() {
    }

    public static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    public static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }

    public static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }
}
