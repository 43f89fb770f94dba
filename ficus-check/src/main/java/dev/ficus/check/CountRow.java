package dev.ficus.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * One count compared: the id map's entries of an entity type, or a read model's rows, against Magento's entities.
 * The id map keeps the UUIDs of deleted entities (a UUID is never given twice), so it may hold more than Magento has;
 * fewer means entities the sync has not mapped yet.
 */
public record CountRow(String what, String magentoSource, long magento, String platformSource, long platform) {

    public long difference() {
        return platform - magento;
    }

    /** The id map may exceed Magento (deleted entities keep their UUIDs); a read model must equal it. */
    public boolean ok() {
        return platformSource.startsWith("magento_id_map") ? platform >= magento : platform == magento;
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("what", what);
        o.put("magento_source", magentoSource);
        o.put("magento", magento);
        o.put("platform_source", platformSource);
        o.put("platform", platform);
        o.put("difference", difference());
        o.put("ok", ok());
        return o;
    }

    static String table(List<CountRow> rows) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-34s %-44s %10s %10s %11s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "platform", "Magento", "platform", "Magento", "difference", ""));
        for (CountRow r : rows) {
            sb.append(String.format(Locale.ROOT, fmt, r.platformSource, r.magentoSource, r.platform, r.magento,
                    (r.difference() > 0 ? "+" : "") + r.difference(), r.ok() ? "ok" : "✗"));
        }
        return sb.toString();
    }
}
