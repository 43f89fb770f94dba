package dev.ficus.gateway.flag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A ConfigMap manifest ({@code kind: ConfigMap}, keys under {@code data:}) kept as a file, the form a team keeps in
 * Git and applies with kubectl. Writes rewrite the whole file atomically and keep every other field; YAML comments
 * are not kept.
 */
public final class ManifestFlagStore implements FlagStore {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    private final Path file;

    public ManifestFlagStore(Path file) {
        this.file = file;
    }

    @Override
    public String description() {
        return "manifest " + file.toAbsolutePath().normalize();
    }

    @Override
    public Map<String, String> read() throws IOException {
        return data(readTree());
    }

    @Override
    public Map<String, String> update(Function<Map<String, String>, Map<String, String>> change) throws IOException {
        Path lock = file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".lock");
        return FileLocks.withLock(lock, () -> {
            ObjectNode root = Files.exists(file) ? readTree() : newConfigMap();
            Map<String, String> writes = change.apply(data(root));
            if (writes.isEmpty()) {
                return writes;
            }
            JsonNode data = root.get("data");
            ObjectNode target = data instanceof ObjectNode o ? o : root.putObject("data");
            writes.forEach(target::put);
            AtomicFiles.write(file, YAML.writeValueAsString(root));
            return writes;
        });
    }

    private ObjectNode readTree() throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode root = YAML.readTree(text);
        if (!(root instanceof ObjectNode o)) {
            throw new IOException(file + " is not a YAML mapping");
        }
        JsonNode kind = o.get("kind");
        if (kind != null && !"ConfigMap".equals(kind.asText())) {
            throw new IOException(file + " is a " + kind.asText() + ", not a ConfigMap");
        }
        return o;
    }

    private static Map<String, String> data(ObjectNode root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            return out;
        }
        if (!data.isObject()) {
            throw new IOException("'data' is not a mapping");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            // an unquoted `catalog_read: true` is a YAML boolean; the ConfigMap value is its text
            out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        }
        return out;
    }

    private static ObjectNode newConfigMap() {
        ObjectNode root = YAML.createObjectNode();
        root.put("apiVersion", "v1");
        root.put("kind", "ConfigMap");
        root.putObject("metadata").put("name", "ficus-feature-flags");
        root.putObject("data");
        return root;
    }
}
