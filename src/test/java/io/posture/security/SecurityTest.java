package io.posture.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "posture.security.admin-password=first-admin-secret")
class SecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AuditLog audit;

    @Test
    void everyPageRequiresLoginAndCarriesSecurityHeaders() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/clusters/prod-eu1")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void theAuditLogIsNotReadableWithoutALogin() {
        assertThatThrownBy(() -> audit.search(null, PageRequest.of(0, 10)))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void theStylesheetIsPublicSoTheLoginPageIsStyled() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/styles/posture.css")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(".score-good");
    }

    @Test
    void theFirstAdministratorAndOneDemoAccountPerRoleExistWithHashedPasswords() {
        var admin = users.loadUserByUsername("admin");
        assertThat(admin.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_ADMIN");
        assertThat(admin.getPassword()).startsWith("{bcrypt}").doesNotContain("first-admin-secret");
        assertThat(passwords.matches("first-admin-secret", admin.getPassword())).isTrue();
        for (var role : Role.values()) {
            assertThat(new DemoAccounts(true).accounts()).anySatisfy(account -> assertThat(account.role()).isEqualTo(role));
        }
        assertThat(users.loadUserByUsername("engineer").isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(username = "auditor", roles = Roles.COMPLIANCE_OFFICER)
    void repeatedFailedLoginsNeverLockTheAccountButTheirPauseIsAudited() {
        users.create("locky", "Locky", "right-password", Set.of(Role.ENGINEER), false, null);
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        var manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("locky", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        // the owner, elsewhere, still signs in: only the guessing address waits (LoginHardeningTest)
        assertThat(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("locky", "right-password"))
                .isAuthenticated()).isTrue();
        assertThat(audit.search(null, PageRequest.of(0, 100, org.springframework.data.domain.Sort.by("id").descending())).getContent()).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("LOGIN_THROTTLED");
            assertThat(event.subject()).isEqualTo("user locky");
        });
    }
}
