package io.posture.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Atmosphere's "Failed to cancel resource" ERROR, which it logs whenever a browser leaves a
 * page while its push connection closes: harmless by Vaadin's own account (vaadin/flow#18835),
 * and an ERROR line an operator would have to learn to ignore. Every other line passes.
 * Registered in {@code logback-spring.xml}.
 */
public class HarmlessPushNoise extends TurboFilter {

    private static final String LOGGER = "org.atmosphere.cpr.AsynchronousProcessor";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        return logger != null && LOGGER.equals(logger.getName()) && format != null && format.startsWith("Failed to cancel resource")
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
