package dev.ficus.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed reads of configuration keys. Every read names its key, default and meaning, which gives three things from
 * one definition: the value, the validation error when the value is bad (collected, not thrown, so that every problem
 * is reported at once), and the generated configuration reference.
 *
 * <p>A reader is a view on a key prefix: {@code reader.at("gateway").port("port", …)} reads {@code gateway.port}.
 */
public final class ConfigReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final ConfigState state;
    private final String prefix;

    ConfigReader(ConfigState state, String prefix) {
        this.state = state;
        this.prefix = prefix;
    }

    /** A view on the keys below {@code child}: {@code at("postgres")} of {@code platform} reads {@code platform.postgres.*}. */
    public ConfigReader at(String child) {
        return new ConfigReader(state, key(child));
    }

    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    public String string(String name, String defaultValue, String description) {
        return read(name, "string", defaultValue, description, Object::toString);
    }

    public String requiredString(String name, String description) {
        String key = key(name);
        state.document(new KeyDoc(key, "string", "(required)", description, false));
        Optional<ConfigSource.Value> v = state.lookup(key);
        if (v.isEmpty() || v.get().raw() == null || v.get().raw().toString().isBlank()) {
            state.problem(key, "is required: " + description + " (set it in the file or as " + ConfigSource.envName(key) + ")");
            return "";
        }
        state.effective(key, v.get().raw().toString(), v.get().origin());
        return v.get().raw().toString();
    }

    public int integer(String name, int defaultValue, int min, int max, String description) {
        return read(name, "integer", defaultValue, description, raw -> {
            long n = parseLong(raw);
            if (n < min || n > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + raw);
            }
            return (int) n;
        });
    }

    public long longValue(String name, long defaultValue, long min, long max, String description) {
        return read(name, "integer", defaultValue, description, raw -> {
            long n = parseLong(raw);
            if (n < min || n > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + raw);
            }
            return n;
        });
    }

    /** A TCP port; 0 asks the operating system for a free one. */
    public int port(String name, int defaultValue, String description) {
        return read(name, "port", defaultValue, description, raw -> {
            long n;
            try {
                n = parseLong(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be a port number (0-65535), got '" + raw + "'");
            }
            if (n < 0 || n > 65535) {
                throw new IllegalArgumentException("must be a port number (0-65535; 0 picks a free port), got " + raw);
            }
            return (int) n;
        });
    }

    public boolean bool(String name, boolean defaultValue, String description) {
        return read(name, "boolean", defaultValue, description, raw -> {
            if (raw instanceof Boolean b) {
                return b;
            }
            String s = raw.toString().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true")) {
                return true;
            }
            if (s.equals("false")) {
                return false;
            }
            throw new IllegalArgumentException("must be true or false, got '" + raw + "'");
        });
    }

    /** A duration written with its unit: {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 7d}. */
    public Duration duration(String name, Duration defaultValue, String description) {
        return read(name, "duration", defaultValue, description, ConfigReader::parseDuration, ConfigReader::formatDuration);
    }

    public <E extends Enum<E>> E enumeration(String name, Class<E> type, E defaultValue, String description) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(ConfigReader::enumText).collect(Collectors.joining(", "));
        return read(name, "one of: " + allowed, defaultValue, description, raw -> {
            String wanted = raw.toString().trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (enumText(e).equals(wanted)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("must be one of " + allowed + ", got '" + raw + "'");
        }, ConfigReader::enumText);
    }

    public Path path(String name, Path defaultValue, String description) {
        return read(name, "path", defaultValue, description, raw -> Path.of(raw.toString()));
    }

    /** A list: a YAML sequence, or a comma-separated string (the form an environment variable can carry). */
    public List<String> stringList(String name, List<String> defaultValue, String description) {
        return read(name, "list", defaultValue, description, raw -> {
            if (raw instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return Arrays.stream(raw.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }, list -> String.join(",", list));
    }

    /**
     * A secret: from the key itself (best through its environment variable), or from the file named by
     * {@code <name>_file}, which is how Kubernetes mounts a Secret. The value never appears in any print-out.
     */
    public Secret secret(String name, String description) {
        String key = key(name);
        String fileKey = key + "_file";
        state.document(new KeyDoc(key, "secret", "(empty)", description
                + " Prefer " + ConfigSource.envName(key) + " or " + name + "_file.", true));
        state.document(new KeyDoc(fileKey, "path", "(none)", "File holding " + key + " (trailing newline ignored).", false));
        Optional<ConfigSource.Value> direct = state.lookup(key);
        Optional<ConfigSource.Value> file = state.lookup(fileKey);
        if (direct.isPresent() && file.isPresent()) {
            state.problem(key, "set either " + key + " or " + fileKey + ", not both");
            return Secret.empty();
        }
        if (file.isPresent()) {
            Path path = Path.of(String.valueOf(file.get().raw()));
            try {
                String content = Files.readString(path).strip();
                state.effective(fileKey, path.toString(), file.get().origin());
                state.effective(key, Secret.of(content).toString(), "file " + path);
                return Secret.of(content);
            } catch (IOException e) {
                state.problem(fileKey, "cannot read secret file " + path + ": " + e.getClass().getSimpleName());
                return Secret.empty();
            }
        }
        if (direct.isPresent()) {
            Secret s = Secret.of(direct.get().raw() == null ? "" : direct.get().raw().toString());
            state.effective(key, s.toString(), direct.get().origin());
            return s;
        }
        state.effective(key, Secret.empty().toString(), LoadedConfig.DEFAULT_ORIGIN);
        return Secret.empty();
    }

    /**
     * Free-form keys passed through as they are (for example Debezium's own properties under {@code sync.debezium}).
     * Keys below it are never reported as unknown.
     */
    public Map<String, String> map(String name, String description) {
        String key = key(name);
        state.document(new KeyDoc(key + ".*", "map", "(empty)", description, false));
        state.openPrefix(key + ".");
        Map<String, String> out = new LinkedHashMap<>();
        String p = key + ".";
        state.source().fileValues().forEach((k, v) -> {
            if (k.startsWith(p) && v != null) {
                out.put(k.substring(p.length()), v.toString());
                state.effective(k, v.toString(), state.source().origin());
            }
        });
        return out;
    }

    /** Records a problem that only a whole section can see (two keys that contradict each other). */
    public void problem(String name, String reason) {
        state.problem(key(name), reason);
    }

    private <T> T read(String name, String type, T defaultValue, String description, Function<Object, T> parse) {
        return read(name, type, defaultValue, description, parse, String::valueOf);
    }

    private <T> T read(String name, String type, T defaultValue, String description,
                       Function<Object, T> parse, Function<T, String> format) {
        String key = key(name);
        state.document(new KeyDoc(key, type, defaultValue == null ? "(none)" : format.apply(defaultValue), description, false));
        Optional<ConfigSource.Value> v = state.lookup(key);
        if (v.isEmpty() || v.get().raw() == null) {
            state.effective(key, defaultValue == null ? "(none)" : format.apply(defaultValue),
                    LoadedConfig.DEFAULT_ORIGIN);
            return defaultValue;
        }
        try {
            T value = parse.apply(v.get().raw());
            state.effective(key, format.apply(value), v.get().origin());
            return value;
        } catch (RuntimeException e) {
            state.problem(key, e.getMessage() + (v.get().origin().startsWith("env") ? " (from " + v.get().origin() + ")" : ""));
            return defaultValue;
        }
    }

    private static long parseLong(Object raw) {
        if (raw instanceof Number n && !(raw instanceof Double) && !(raw instanceof Float)) {
            return n.longValue();
        }
        try {
            return Long.parseLong(raw.toString().trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, got '" + raw + "'");
        }
    }

    /** A duration as the configuration writes it: 250ms, 2s, 5m, 1h, 7d. */
    public static Duration parseDuration(Object raw) {
        Matcher m = DURATION.matcher(raw.toString().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a duration with a unit such as 250ms, 2s, 5m, 1h or 7d, got '" + raw + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** A duration as the configuration writes it: 250ms, 2s, 15m, 1h, 7d. */
    public static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0 && ms > 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    static String enumText(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static List<String> copy(List<String> in) {
        return new ArrayList<>(in);
    }
}
