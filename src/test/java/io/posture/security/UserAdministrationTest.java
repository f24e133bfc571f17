package io.posture.security;

import io.posture.support.MutableClockConfiguration;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Set;

import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@Import(MutableClockConfiguration.class)
class UserAdministrationTest {

    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory directory;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditLog audit;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void anAdministratorCreatesAUserWhoCanSignInAndChangesTheirRoles() {
        as("admin", Roles.ADMIN, () -> administration.create("nora.ops", "Nora Ops", "correct horse battery", Set.of(Role.ENGINEER)));

        var account = directory.loadUserByUsername("nora.ops");
        assertThat(passwords.matches("correct horse battery", account.getPassword())).isTrue();
        assertThat(account.getAuthorities()).extracting(authority -> authority.getAuthority()).containsExactly("ROLE_ENGINEER");

        as("admin", Roles.ADMIN, () -> administration.changeRoles("nora.ops", Set.of(Role.ENGINEER, Role.COMPLIANCE_OFFICER)));
        as("admin", Roles.ADMIN, () -> administration.setEnabled("nora.ops", false));

        var changed = directory.loadUserByUsername("nora.ops");
        assertThat(changed.getAuthorities()).extracting(authority -> authority.getAuthority())
                .containsExactlyInAnyOrder("ROLE_ENGINEER", "ROLE_COMPLIANCE_OFFICER");
        assertThat(changed.isEnabled()).isFalse();
        var events = as("admin", Roles.ADMIN, () -> audit.search("user nora.ops", PageRequest.of(0, 10, Sort.by("id"))).getContent());
        assertThat(events).extracting(AuditLog.AuditEvent::action).containsExactly("USER_CREATED", "USER_ROLES", "USER_DISABLED");
        assertThat(events.get(1).from()).isEqualTo("ENGINEER");
        assertThat(events.get(1).to()).isEqualTo("COMPLIANCE_OFFICER,ENGINEER");
        assertThat(as("admin", Roles.ADMIN, () -> administration.accounts(PageRequest.of(0, 100)).getContent()))
                .anySatisfy(listed -> {
                    assertThat(listed.username()).isEqualTo("nora.ops");
                    assertThat(listed.enabled()).isFalse();
                });
    }

    @Test
    void weakPasswordsOddNamesAndLockingOutTheLastAdministratorAreRefused() {
        assertThatThrownBy(() -> as("admin", Roles.ADMIN, () -> administration.create("short", null, "too-short", Set.of(Role.VIEWER))))
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> as("admin", Roles.ADMIN, () -> administration.create("Robert'); drop", null, "long enough password", Set.of(Role.VIEWER))))
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> as("admin", Roles.ADMIN, () -> administration.create("noroles", null, "long enough password", Set.of())))
                .hasMessageContaining("at least one role");
        // The demo administrator is another enabled administrator: take it away first.
        as("admin", Roles.ADMIN, () -> administration.setEnabled("demo-admin", false));
        try {
            assertThatThrownBy(() -> as("admin", Roles.ADMIN, () -> administration.setEnabled("admin", false)))
                    .hasMessageContaining("last enabled administrator");
            assertThatThrownBy(() -> as("admin", Roles.ADMIN, () -> administration.changeRoles("admin", Set.of(Role.VIEWER))))
                    .hasMessageContaining("last enabled administrator");
            assertThat(directory.loadUserByUsername("admin").isEnabled()).isTrue();
        } finally {
            as("admin", Roles.ADMIN, () -> administration.setEnabled("demo-admin", true));
        }
    }
}
