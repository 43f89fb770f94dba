package dev.ficus.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every component's section from one source and checks what is left over: a key in the file or a
 * {@code FICUS_} variable that no component reads is a mistake (a typo, usually), reported with the closest known key.
 */
public final class ConfigLoader {
    /** FICUS_ variables that are read by the launcher script or the tests, not by a component section. */
    private static final List<String> RESERVED_ENV_PREFIXES = List.of(
            "FICUS_CONFIG", "FICUS_HOME", "FICUS_JAVA_OPTS", "FICUS_TEST_", "FICUS_LOG_", "FICUS_JAR");

    private ConfigLoader() {
    }

    /** Loads and validates; throws {@link ConfigException} with every problem found. */
    public static LoadedConfig load(ConfigSource source, List<ConfigSection<?>> sections) {
        ConfigState state = new ConfigState(source);
        Map<ConfigSection<?>, Object> values = new LinkedHashMap<>();
        for (ConfigSection<?> section : sections) {
            values.put(section, section.read(new ConfigReader(state, section.name())));
        }
        List<ConfigProblem> problems = new ArrayList<>(state.problems());
        problems.addAll(unknownKeys(state));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new LoadedConfig(values, state.effective(), state.docs());
    }

    /** The documented keys of these sections, read from an empty configuration: the source of the reference table. */
    public static List<KeyDoc> reference(List<ConfigSection<?>> sections) {
        ConfigState state = new ConfigState(ConfigSource.fromEnv(Map.of()));
        for (ConfigSection<?> section : sections) {
            section.read(new ConfigReader(state, section.name()));
        }
        return List.copyOf(state.docs().values());
    }

    private static List<ConfigProblem> unknownKeys(ConfigState state) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> known = new ArrayList<>(state.docs().keySet());
        for (String key : state.source().fileValues().keySet()) {
            if (!state.isKnown(key)) {
                problems.add(new ConfigProblem(key, "unknown key" + hint(key, known)));
            }
        }
        List<String> knownEnv = known.stream().map(ConfigSource::envName).toList();
        for (String name : state.source().env().keySet()) {
            if (!name.startsWith(ConfigSource.ENV_PREFIX) || knownEnv.contains(name)
                    || RESERVED_ENV_PREFIXES.stream().anyMatch(name::startsWith)) {
                continue;
            }
            String closest = Suggestions.closest(name, knownEnv);
            problems.add(new ConfigProblem(name, "unknown environment variable"
                    + (closest == null ? "" : " — did you mean " + closest + "?")));
        }
        return problems;
    }

    private static String hint(String key, List<String> known) {
        String closest = Suggestions.closest(key, known);
        return closest == null ? "" : " — did you mean '" + closest + "'?";
    }
}
