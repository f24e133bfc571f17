package io.posture.security.internal;

import io.posture.security.DemoAccounts;
import io.posture.security.Role;
import io.posture.security.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * First start: creates the administrator (password from {@code posture.security.admin-password},
 * or generated and logged once) and the demo accounts; every start applies the demo-users setting.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);
    static final String ADMIN = "admin";

    private final UserDirectory users;
    private final DemoAccounts demoAccounts;
    private final String adminPassword;

    SecurityBootstrap(UserDirectory users, DemoAccounts demoAccounts,
                      @Value("${posture.security.admin-password:}") String adminPassword) {
        this.users = users;
        this.demoAccounts = demoAccounts;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.exists(ADMIN)) {
            var password = adminPassword.isBlank() ? generatedPassword() : adminPassword;
            users.create(ADMIN, "Administrator", password, Set.of(Role.ADMIN), false, "first start");
            if (adminPassword.isBlank()) {
                log.warn("Created user '{}' with password '{}': it is shown only this once; "
                        + "set posture.security.admin-password to choose it yourself", ADMIN, password);
            }
        }
        if (demoAccounts.enabled()) {
            demoAccounts.accounts().stream().filter(account -> !users.exists(account.username())).forEach(account ->
                    users.create(account.username(), account.displayName(), account.password(), Set.of(account.role()), true, "demo account"));
        }
        users.enableDemoAccounts(demoAccounts.enabled());
    }

    private static String generatedPassword() {
        var bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
