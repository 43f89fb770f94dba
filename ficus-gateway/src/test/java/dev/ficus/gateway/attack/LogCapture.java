package dev.ficus.gateway.attack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the gateway process (this JVM) while the suite runs, kept in memory. An ERROR, or a stack trace at
 * WARN or above, is what an unhandled exception looks like in Vert.x and Netty ("Unhandled exception", "An
 * exceptionCaught() event was fired"); the gateway's handled conditions (an unreachable upstream, a refused token)
 * log one WARN line without a stack, which is allowed.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    LogCapture() {
        setName("attack-suite-capture");
        setContext(root.getLoggerContext());
        start();
        root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    }

    /** Takes the events logged since the last call that break the promise, rendered for a report. */
    List<String> drainUnhandled() {
        List<String> out = new ArrayList<>();
        ILoggingEvent e;
        while ((e = events.poll()) != null) {
            if (e.getLevel() == Level.ERROR || e.getThrowableProxy() != null) {
                out.add(render(e));
            }
        }
        return out;
    }

    private static String render(ILoggingEvent e) {
        StringBuilder s = new StringBuilder().append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ")
                .append(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            s.append("\n      ").append(t.getClassName()).append(": ").append(t.getMessage());
            var frames = t.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(4, frames.length); i++) {
                s.append("\n        at ").append(frames[i].getStackTraceElement());
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
