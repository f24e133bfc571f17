package io.posture.security.internal;

import io.posture.security.AuditLog;
import io.posture.security.Role;
import io.posture.security.Roles;
import io.posture.security.UserAdministration;
import io.posture.security.UserDirectory;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OpenID Connect sign-in, configured with Spring Boot's standard client properties against an
 * issuer that does not exist: the redirect to it is checked over HTTP, and the mapping of its
 * identities onto Posture accounts with a stand-in for the provider's user service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.corp.client-id=posture",
        "spring.security.oauth2.client.registration.corp.client-secret=not-a-real-secret",
        "spring.security.oauth2.client.registration.corp.client-name=Corp SSO",
        "spring.security.oauth2.client.registration.corp.scope=openid,profile",
        "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.corp.authorization-uri=https://sso.corp.invalid/authorize",
        "spring.security.oauth2.client.provider.corp.token-uri=https://sso.corp.invalid/token",
        "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://sso.corp.invalid/jwks",
        "posture.security.oidc.default-roles=VIEWER"})
class SingleSignOnTest {

    @LocalServerPort
    int port;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    UserDirectory users;
    @Autowired
    UserAdministration administration;
    @Autowired
    AuditLog audit;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void signingInWithTheProviderRedirectsToItsAuthorizationEndpoint() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/oauth2/authorization/corp")).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("https://sso.corp.invalid/authorize?")
                .contains("client_id=posture", "response_type=code", "scope=openid%20profile",
                        "redirect_uri=http://localhost:" + port + "/login/oauth2/code/corp"));
    }

    @Test
    void aFirstSignInCreatesAViewerAccountAndLaterSignInsUseTheAccountsRoles() {
        var accounts = new OidcAccounts(request -> new DefaultOidcUser(List.of(), request.getIdToken()), users,
                "preferred_username", Set.of(Role.VIEWER));

        var first = accounts.loadUser(request("sso.jane"));
        assertThat(first.getName()).isEqualTo("sso.jane");
        assertThat(first.getAuthorities()).extracting(authority -> authority.getAuthority()).containsExactly("ROLE_VIEWER");
        assertThat(as("admin", Roles.ADMIN, () -> audit.search("user sso.jane", PageRequest.of(0, 5)).getContent()))
                .anySatisfy(event -> {
                    assertThat(event.action()).isEqualTo("USER_CREATED");
                    assertThat(event.reason()).isEqualTo("first sign-in through corp");
                });

        as("admin", Roles.ADMIN, () -> administration.changeRoles("sso.jane", Set.of(Role.ENGINEER)));
        assertThat(accounts.loadUser(request("sso.jane")).getAuthorities()).extracting(authority -> authority.getAuthority())
                .containsExactly("ROLE_ENGINEER");

        as("admin", Roles.ADMIN, () -> administration.setEnabled("sso.jane", false));
        assertThatThrownBy(() -> accounts.loadUser(request("sso.jane"))).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("disabled");
        assertThatThrownBy(() -> accounts.loadUser(request(null))).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("preferred_username");
    }

    private OidcUserRequest request(String username) {
        var now = Instant.now();
        var claims = username == null ? Map.<String, Object>of("sub", "anonymous") : Map.<String, Object>of("sub", "id-" + username,
                "preferred_username", username);
        return new OidcUserRequest(registrations.findByRegistrationId("corp"),
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token", now, now.plusSeconds(60)),
                new OidcIdToken("id-token", now, now.plusSeconds(60), claims));
    }
}
