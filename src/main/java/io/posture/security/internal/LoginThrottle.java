package io.posture.security.internal;

import io.posture.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per source address and account: after {@code max-failed-logins}
 * failures from one address for one account, each further try from there waits twice as long as
 * the last (1 s, 2 s, 4 s … up to {@code lockout}). The owner signing in from elsewhere, and the
 * account's API tokens, are never affected; a success from the address clears its count.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Attempts> attempts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AuditLog audit;
    private final int freeFailures;
    private final Duration longest;

    LoginThrottle(Clock clock, AuditLog audit, @Value("${posture.security.max-failed-logins:5}") int freeFailures,
                  @Value("${posture.security.lockout:15m}") Duration longest) {
        this.clock = clock;
        this.audit = audit;
        this.freeFailures = freeFailures;
        this.longest = longest;
    }

    /** How long this address must still wait before it may try this account again; zero when it may. */
    Duration wait(String address, String username) {
        var entry = attempts.get(key(address, username));
        if (entry == null || entry.until == null) {
            return Duration.ZERO;
        }
        var left = Duration.between(clock.instant(), entry.until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records a failure; returns true when it starts (or lengthens) a wait. */
    boolean failed(String address, String username) {
        if (attempts.size() >= MAX_TRACKED) {
            forgetExpired();
        }
        var now = clock.instant();
        var entry = attempts.compute(key(address, username), (key, current) -> {
            var next = current == null ? new Attempts(0, null) : current;
            int failures = next.failures + 1;
            Instant until = null;
            if (failures >= freeFailures) {
                var wait = Duration.ofSeconds(1L << Math.min(30, failures - freeFailures));
                until = now.plus(wait.compareTo(longest) > 0 ? longest : wait);
            }
            return new Attempts(failures, until);
        });
        return entry.until != null;
    }

    void succeeded(String address, String username) {
        attempts.remove(key(address, username));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        var address = address(event.getAuthentication());
        var username = event.getAuthentication().getName();
        if (failed(address, username)) {
            var pause = wait(address, username);
            log.warn("Sign-in to {} from {} paused for {} after repeated failures", username, address, pause);
            audit.record("LOGIN_THROTTLED", "user " + username, null, "paused for " + pause.toSeconds() + " s",
                    "repeated failed sign-ins from " + address);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(address(event.getAuthentication()), event.getAuthentication().getName());
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
    }

    private void forgetExpired() {
        var now = clock.instant();
        attempts.entrySet().removeIf(entry -> entry.getValue().until == null || entry.getValue().until.isBefore(now));
        if (attempts.size() >= MAX_TRACKED) {
            // a flood of distinct addresses: start over rather than grow without bound
            attempts.clear();
        }
    }

    private static String key(String address, String username) {
        return address + "|" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private record Attempts(int failures, Instant until) {
    }
}
