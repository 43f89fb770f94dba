package dev.ficus.core.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import java.time.Instant;

/** One JSON object per line: ts, level, component, logger, thread, msg, mdc fields, and the error if any. */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
    private final ComponentConverter component = new ComponentConverter();

    @Override
    public String doLayout(ILoggingEvent event) {
        ObjectNode line = Json.object();
        line.put("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.put("level", event.getLevel().toString());
        line.put("component", component.convert(event));
        line.put("logger", event.getLoggerName());
        line.put("thread", event.getThreadName());
        line.put("msg", event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((k, v) -> {
            if (!k.equals("component")) {
                line.put(k, v);
            }
        });
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.put("error", ThrowableProxyUtil.asString(error));
        }
        return Json.write(line) + System.lineSeparator();
    }
}
