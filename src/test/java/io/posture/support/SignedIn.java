package io.posture.support;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.function.Supplier;

/**
 * Runs a piece of a test as a given user and role, so one test can play requester and approver.
 * Vaadin gives each Spring context its own security-context strategy and makes the newest one
 * global; a test running in an older, cached context binds its own with {@link #bindTo}.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static void bindTo(SecurityContextHolderStrategy contextStrategy) {
        SecurityContextHolder.setContextHolderStrategy(contextStrategy);
    }

    public static <T> T as(String user, String role, Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "n/a", "ROLE_" + role));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static void as(String user, String role, Runnable action) {
        as(user, role, () -> {
            action.run();
            return null;
        });
    }
}
