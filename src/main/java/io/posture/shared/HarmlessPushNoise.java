package io.posture.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * Drops two ERROR lines push logs whenever a browser leaves a page while its push connection
 * closes, harmless by Vaadin's own account (vaadin/flow#18835) and lines an operator would have to
 * learn to ignore: Atmosphere's "Failed to cancel resource", and Vaadin's "Exception in push
 * connection" when, and only when, its cause is the connection going away (an I/O failure such as
 * a reset or a closed channel). Every other line passes, that one with any other cause too.
 * Registered in {@code logback-spring.xml}.
 */
public class HarmlessPushNoise extends TurboFilter {

    private static final String ATMOSPHERE = "org.atmosphere.cpr.AsynchronousProcessor";
    private static final String VAADIN_PUSH = "com.vaadin.flow.server.communication.PushAtmosphereHandler";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || format == null) {
            return FilterReply.NEUTRAL;
        }
        if (ATMOSPHERE.equals(logger.getName()) && format.startsWith("Failed to cancel resource")) {
            return FilterReply.DENY;
        }
        if (VAADIN_PUSH.equals(logger.getName()) && format.equals("Exception in push connection") && connectionGone(cause(t, params))) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /** SLF4J passes a trailing throwable either as {@code t} or as the last parameter. */
    private static Throwable cause(Throwable t, Object[] params) {
        return t != null ? t : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    }

    private static boolean connectionGone(Throwable thrown) {
        for (var cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException || cause instanceof ClosedChannelException
                    || cause.getClass().getSimpleName().equals("ClientAbortException")
                    || cause instanceof IOException && cause.getMessage() != null
                    && (cause.getMessage().contains("Broken pipe") || cause.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }
}
