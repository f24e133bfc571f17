package io.posture.security;

import io.posture.security.internal.ApiTokenEntity;
import io.posture.security.internal.ApiTokenRepository;
import io.posture.security.internal.UserAccountRepository;
import io.posture.shared.Sha256;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * API tokens for pipelines and other tools. A user creates a token for one of their own roles with
 * an expiry; the token is shown once and only its SHA-256 is kept. A token stops working when it
 * expires, is revoked, or its user is disabled or loses the role.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "pst_";
    public static final Duration MAX_VALIDITY = Duration.ofDays(366);

    public record TokenInfo(long id, String username, String name, Role role, Instant createdAt, Instant expiresAt,
                            Instant revokedAt, Instant lastUsedAt) {
    }

    /** A new token: {@code secret} is shown to its owner once and never again. */
    public record CreatedToken(TokenInfo info, String secret) {
    }

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public CreatedToken create(String name, Role role, Duration validity) {
        var username = AuditLog.currentActor();
        var label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 128) {
            throw new IllegalArgumentException("Name the token (at most 128 characters), e.g. after the pipeline that uses it");
        }
        if (validity == null || validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("A token is valid for 1 to 366 days");
        }
        var account = users.findByUsername(username).orElseThrow(() -> new AccessDeniedException("no account " + username));
        if (!account.getRoles().contains(role)) {
            throw new AccessDeniedException("You do not have the role " + role + " to give a token");
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        var saved = tokens.save(new ApiTokenEntity(username, label, hash(secret), role, now, now.plus(validity)));
        audit.record("API_TOKEN_CREATED", "token " + label + " of " + username, null, role + ", expires " + saved.toInfo().expiresAt(), null);
        return new CreatedToken(saved.toInfo(), secret);
    }

    /** The signed-in user's tokens; an administrator sees everyone's. */
    @PreAuthorize("isAuthenticated()")
    public List<TokenInfo> list() {
        var found = isAdmin() ? tokens.findAllByOrderByCreatedAtDesc() : tokens.findByUsernameOrderByCreatedAtDesc(AuditLog.currentActor());
        return found.stream().map(ApiTokenEntity::toInfo).toList();
    }

    /** Revokes a token: its owner or an administrator may. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revoke(long id) {
        var token = tokens.findById(id).orElseThrow(() -> new NoSuchElementException("no token " + id));
        if (!token.getUsername().equals(AuditLog.currentActor()) && !isAdmin()) {
            throw new AccessDeniedException("Only the token's owner or an administrator may revoke it");
        }
        token.revoke(clock.instant());
        audit.record("API_TOKEN_REVOKED", "token " + token.getName() + " of " + token.getUsername(), null, "revoked", null);
    }

    /** The authentication a presented token stands for, if it is valid now. */
    @Transactional
    public Optional<Authentication> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        var now = clock.instant();
        return tokens.findByTokenHash(hash(presented)).filter(token -> token.isValidAt(now)).flatMap(token ->
                users.findByUsername(token.getUsername())
                        .filter(account -> account.isEnabled() && account.getRoles().contains(token.getRole()))
                        .map(account -> {
                            token.used(now);
                            return new UsernamePasswordAuthenticationToken(account.getUsername(), null,
                                    List.of(new SimpleGrantedAuthority("ROLE_" + token.getRole().name())));
                        }));
    }

    private static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Roles.ADMIN));
    }

    private static String hash(String secret) {
        return Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
    }
}
