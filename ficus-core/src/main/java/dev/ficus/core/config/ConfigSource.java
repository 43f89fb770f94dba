package dev.ficus.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The raw configuration: one YAML file flattened to dotted keys ({@code gateway.port}), plus environment overrides
 * ({@code FICUS_GATEWAY_PORT}). An environment variable beats the file, so a deployment can change one key without
 * shipping a new file.
 */
public final class ConfigSource {
    public static final String ENV_PREFIX = "FICUS_";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Object> fileValues;
    private final Map<String, String> env;
    private final String origin;

    private ConfigSource(Map<String, Object> fileValues, Map<String, String> env, String origin) {
        this.fileValues = fileValues;
        this.env = env;
        this.origin = origin;
    }

    /** Defaults and environment only: what {@code ficus dev} runs on with no file at all. */
    public static ConfigSource fromEnv(Map<String, String> env) {
        return new ConfigSource(Map.of(), Map.copyOf(env), "defaults");
    }

    public static ConfigSource load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw single("config file", "no such file: " + file);
        } catch (IOException e) {
            throw single("config file", "cannot read " + file + ": " + e.getMessage());
        }
        return new ConfigSource(parse(text, file.toString()), Map.copyOf(env), file.toString());
    }

    public static ConfigSource fromYaml(String yaml, Map<String, String> env) {
        return new ConfigSource(parse(yaml, "(inline)"), Map.copyOf(env), "(inline)");
    }

    private static Map<String, Object> parse(String text, String name) {
        Object root;
        try {
            root = text.isBlank() ? null : YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw single("config file", name + " is not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        if (root == null) {
            return flat;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw single("config file", name + " must be a YAML mapping of sections (gateway:, sync:, …)");
        }
        flatten("", map, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(key + ".", nested, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    private static ConfigException single(String key, String reason) {
        return new ConfigException(List.of(new ConfigProblem(key, reason)));
    }

    /** The environment variable that overrides a key: upper case, dots and dashes become underscores. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    Optional<Value> lookup(String key) {
        String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
            return Optional.of(new Value(fromEnv, "env " + envName(key)));
        }
        if (fileValues.containsKey(key)) {
            return Optional.of(new Value(fileValues.get(key), origin));
        }
        return Optional.empty();
    }

    Map<String, Object> fileValues() {
        return fileValues;
    }

    Map<String, String> env() {
        return env;
    }

    public String origin() {
        return origin;
    }

    /** A raw value and where it came from (the file, or which environment variable). */
    record Value(Object raw, String origin) {
    }
}
