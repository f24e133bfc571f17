package io.posture.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One demo account per role, clearly marked, for trying Posture with the demo estate. All of
 * them are disabled by one setting: {@code posture.demo.users=false}.
 */
@Component
public class DemoAccounts {

    private static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("viewer", "viewer-demo", "Demo viewer", Role.VIEWER),
            new DemoAccount("engineer", "engineer-demo", "Demo engineer", Role.ENGINEER),
            new DemoAccount("manager", "manager-demo", "Demo security manager", Role.SECURITY_MANAGER),
            new DemoAccount("auditor", "auditor-demo", "Demo compliance officer", Role.COMPLIANCE_OFFICER),
            new DemoAccount("demo-admin", "admin-demo", "Demo administrator", Role.ADMIN));

    private final boolean enabled;

    DemoAccounts(@Value("${posture.demo.users:true}") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The demo accounts with their passwords, to show on the login page while they are enabled. */
    public List<DemoAccount> accounts() {
        return enabled ? ACCOUNTS : List.of();
    }

    public record DemoAccount(String username, String password, String displayName, Role role) {
    }
}
