package dev.ficus.core.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %component}: the MDC's {@code component} if set, otherwise derived from the logger name. */
public final class ComponentConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        String fromMdc = event.getMDCPropertyMap().get("component");
        return fromMdc != null ? fromMdc : Components.of(event.getLoggerName());
    }
}
