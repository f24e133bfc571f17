package io.posture.security;

import io.posture.security.internal.UserAccountEntity;
import io.posture.security.internal.UserAccountRepository;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Set;

/**
 * Users stored in the database, with hashed passwords. Repeated failed logins slow the address
 * they come from ({@code LoginThrottle}) rather than lock the account, which would let anyone
 * lock its owner out. Every change to an account is written to the audit log.
 */
@Service
public class UserDirectory implements UserDetailsService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    UserDirectory(UserAccountRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var account = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .roles(account.getRoles().stream().map(Role::name).toArray(String[]::new))
                .disabled(!account.isEnabled())
                .accountLocked(account.isLockedAt(clock.instant()))
                .build();
    }

    /** Creates an account; the reason (such as "demo account") goes into the audit event. */
    @Transactional
    public void create(String username, String displayName, String rawPassword, Set<Role> roles, boolean demo, String reason) {
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("user " + username + " exists already");
        }
        users.save(new UserAccountEntity(username, displayName, passwords.encode(rawPassword), roles, demo, clock.instant()));
        audit.record("USER_CREATED", "user " + username, null, Role.join(roles), reason);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    /** Enables or disables every demo account at once (the single demo-users setting). */
    @Transactional
    public void enableDemoAccounts(boolean enabled) {
        for (var account : users.findByDemoTrue()) {
            if (account.isEnabled() != enabled) {
                account.setEnabled(enabled);
                audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "user " + account.getUsername(),
                        String.valueOf(!enabled), String.valueOf(enabled), "posture.demo.users=" + enabled);
            }
        }
    }

    @EventListener
    @Transactional
    public void onLogin(AuthenticationSuccessEvent event) {
        users.findByUsername(event.getAuthentication().getName()).ifPresent(UserAccountEntity::succeededLogin);
    }
}
