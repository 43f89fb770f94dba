package dev.ficus.core.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures logging for a Ficus process: one line per event on stderr (stdout stays free for tables and JSON a
 * command prints), the component in every line, text or JSON, and third-party chatter at WARN unless verbose.
 */
public final class LogSetup {
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%component] %logger{24} - %msg%n";

    private LogSetup() {
    }

    public static void configure(LogFormat format, boolean verbose) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        routeJavaUtilLogging(context);

        Layout<ILoggingEvent> layout;
        if (format == LogFormat.JSON) {
            JsonLineLayout json = new JsonLineLayout();
            json.setContext(context);
            json.start();
            layout = json;
        } else {
            PatternLayout pattern = new PatternLayout();
            pattern.setContext(context);
            @SuppressWarnings("unchecked")
            Map<String, String> converters = (Map<String, String>) context.getObject("PATTERN_RULE_REGISTRY");
            if (converters == null) {
                converters = new HashMap<>();
                context.putObject("PATTERN_RULE_REGISTRY", converters);
            }
            converters.put("component", ComponentConverter.class.getName());
            pattern.setPattern(TEXT_PATTERN);
            pattern.start();
            layout = pattern;
        }
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        for (String chatty : Components.CHATTY) {
            context.getLogger(chatty).setLevel(verbose ? Level.INFO : Level.WARN);
        }
        if (verbose) {
            context.getLogger("dev.ficus").setLevel(Level.DEBUG);
        }
    }

    /**
     * java.util.logging (used by the MySQL binlog client) would print two-line records of its own on stderr; send it
     * through SLF4J so it gets our format and levels. The propagator keeps JUL from formatting records that
     * Logback would drop anyway.
     */
    private static void routeJavaUtilLogging(LoggerContext context) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        ch.qos.logback.classic.jul.LevelChangePropagator propagator = new ch.qos.logback.classic.jul.LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        context.addListener(propagator);
        propagator.start();
    }
}
