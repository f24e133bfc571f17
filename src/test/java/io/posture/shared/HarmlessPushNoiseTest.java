package io.posture.shared;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HarmlessPushNoiseTest {

    @Test
    void onlyAtmospheresFailedToCancelLineIsDropped() {
        var context = new LoggerContext();
        var appender = filtered(context);

        var atmosphere = context.getLogger("org.atmosphere.cpr.AsynchronousProcessor");
        atmosphere.error("Failed to cancel resource: {}", "22bcac52-cebd-495c-a6f2-eb1f7533ea6c");
        atmosphere.error("Invalid request state {}", "x");
        context.getLogger("io.posture.Other").error("Failed to cancel resource: {}", "y");

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Invalid request state x", "Failed to cancel resource: y");
    }

    @Test
    void vaadinsPushExceptionIsDroppedOnlyWhenTheConnectionWentAway() {
        var context = new LoggerContext();
        var appender = filtered(context);
        var push = context.getLogger("com.vaadin.flow.server.communication.PushAtmosphereHandler");

        push.error("Exception in push connection", new java.io.IOException("wrapped", new java.io.IOException("Broken pipe")));
        push.error("Exception in push connection", new java.io.EOFException());
        push.error("Exception in push connection", new IllegalStateException("a real bug"));
        push.error("Exception in push connection");

        assertThat(appender.list).extracting(event -> event.getThrowableProxy() == null ? "none" : event.getThrowableProxy().getClassName())
                .containsExactly("java.lang.IllegalStateException", "none");
    }

    /** A logging context with the filter installed, and what gets through it. */
    private static ListAppender<ILoggingEvent> filtered(LoggerContext context) {
        var filter = new HarmlessPushNoise();
        filter.start();
        context.addTurboFilter(filter);
        var appender = new ListAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }
}
