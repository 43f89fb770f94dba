package dev.ficus.cli;

import dev.ficus.core.log.LogFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every subcommand accepts. */
public final class GlobalOptions {
    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "YAML configuration file. Default: $FICUS_CONFIG, else ./ficus.yaml if present, else built-in "
                    + "defaults (which run the dev stack). Any key can be overridden by an environment variable "
                    + "FICUS_<KEY>, e.g. FICUS_GATEWAY_PORT=9000.")
    Path config;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "text|json",
            description = "Log line format: text (default) or json (one object per line, for log collectors).")
    LogFormat logFormat;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show the embedded servers', Debezium's and Vert.x's own INFO logs, and Ficus's DEBUG logs.")
    boolean verbose;

    /** The configuration file named on the command line, or null. */
    public Path config() {
        return config;
    }

    public boolean verbose() {
        return verbose;
    }

    LogFormat logFormat() {
        if (logFormat != null) {
            return logFormat;
        }
        String fromEnv = System.getenv("FICUS_LOG_FORMAT");
        return "json".equalsIgnoreCase(fromEnv) ? LogFormat.JSON : LogFormat.TEXT;
    }
}
