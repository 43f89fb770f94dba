package dev.ficus.sync.source;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Debezium connector file as the plan writes it ({@code configs/debezium-connector.json}): JSON with
 * {@code //} comments, list values as JSON arrays, and {@code ${NAME}} (or {@code ${NAME:-default}}) placeholders
 * filled from the environment. Every value becomes a string, arrays are joined with commas, as Debezium expects.
 */
public final class ConnectorFile {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private ConnectorFile() {
    }

    /** The file's properties, placeholders resolved; an unset variable without default is an error naming it. */
    public static Map<String, String> read(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read connector file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, env, file.toString());
    }

    static Map<String, String> parse(String text, Map<String, String> env, String origin) {
        JsonNode root;
        try {
            root = LENIENT.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("connector file " + origin + " is not valid JSON: "
                    + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("connector file " + origin + " must hold one JSON object");
        }
        // Kafka Connect's REST form nests the properties under "config"
        JsonNode props = root.has("config") && root.get("config").isObject() ? root.get("config") : root;
        Map<String, String> out = new LinkedHashMap<>();
        TreeSet<String> missing = new TreeSet<>();
        props.fields().forEachRemaining(e -> out.put(e.getKey(), resolve(text(e.getValue()), env, missing)));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("connector file " + origin + " uses unset environment variable(s): "
                    + String.join(", ", missing));
        }
        return out;
    }

    private static String text(JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(item -> parts.add(item.asText()));
            return String.join(",", parts);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String resolve(String value, Map<String, String> env, TreeSet<String> missing) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null) {
                v = m.group(2);
            }
            if (v == null) {
                missing.add(m.group(1));
                v = "";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
