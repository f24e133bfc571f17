package io.posture.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "posture.demo.users=false")
class DemoUsersDisabledTest {

    @Autowired
    UserDirectory users;
    @Autowired
    DemoAccounts demoAccounts;

    @Test
    void oneSettingTurnsTheDemoAccountsOff() {
        assertThat(demoAccounts.accounts()).isEmpty();
        assertThat(users.exists("engineer")).isFalse();
        assertThat(users.exists("admin")).isTrue();
    }
}
