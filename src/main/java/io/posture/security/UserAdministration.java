package io.posture.security;

import io.posture.security.internal.UserAccountEntity;
import io.posture.security.internal.UserAccountRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an administrator does with accounts: create, change roles, enable or disable, unlock, set a
 * new password. Every change is an audit event. The last enabled administrator cannot lock everyone out.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class UserAdministration {

    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final UserAccountRepository users;
    private final UserDirectory directory;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    UserAdministration(UserAccountRepository users, UserDirectory directory, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.users = users;
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Account> accounts(Pageable pageable) {
        var now = clock.instant();
        return users.findAllByOrderByUsernameAsc(pageable).map(account -> new Account(account.getUsername(), account.getDisplayName(),
                account.getRoles(), account.isEnabled(), account.isDemo(), account.isLockedAt(now) ? account.getLockedUntil() : null));
    }

    @Transactional
    public void create(String username, String displayName, String password, Set<Role> roles) {
        var name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name has 2 to 64 lower-case letters, digits or . _ @ -, starting with a letter or digit");
        }
        checkPassword(password);
        checkRoles(roles);
        directory.create(name, displayName == null || displayName.isBlank() ? name : displayName.trim(), password, roles, false, "created by an administrator");
    }

    @Transactional
    public void changeRoles(String username, Set<Role> roles) {
        checkRoles(roles);
        var account = account(username);
        if (account.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            keepAnAdministrator(account);
        }
        var from = Role.join(account.getRoles());
        account.setRoles(roles);
        audit.record("USER_ROLES", "user " + username, from, Role.join(roles), null);
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        var account = account(username);
        if (account.isEnabled() == enabled) {
            return;
        }
        if (!enabled && account.getRoles().contains(Role.ADMIN)) {
            keepAnAdministrator(account);
        }
        account.setEnabled(enabled);
        audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "user " + username, String.valueOf(!enabled), String.valueOf(enabled), null);
    }

    @Transactional
    public void unlock(String username) {
        var account = account(username);
        account.succeededLogin();
        audit.record("USER_UNLOCKED", "user " + username, "locked", "unlocked", null);
    }

    @Transactional
    public void resetPassword(String username, String password) {
        checkPassword(password);
        account(username).setPasswordHash(passwords.encode(password));
        audit.record("USER_PASSWORD_SET", "user " + username, null, null, "set by an administrator");
    }

    private void keepAnAdministrator(UserAccountEntity account) {
        if (users.countOtherEnabledAdmins(account.getUsername()) == 0) {
            throw new IllegalStateException(account.getUsername() + " is the last enabled administrator");
        }
    }

    private UserAccountEntity account(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NoSuchElementException("no user " + username));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD + " characters");
        }
    }

    private static void checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Give the user at least one role");
        }
    }

    /** An account as the administrator sees it; never its password hash. */
    public record Account(String username, String displayName, Set<Role> roles, boolean enabled, boolean demo, Instant lockedUntil) {
    }
}
