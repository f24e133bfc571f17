package io.posture.security.internal;

import io.posture.security.Role;
import io.posture.security.UserDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Single sign-on users are Posture accounts too: the identity provider says who someone is, the
 * account says what they may do. The first sign-in creates the account with the configured default
 * roles (audited); a disabled account cannot sign in through the provider either.
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final UserDirectory users;
    private final String usernameClaim;
    private final Set<Role> defaultRoles;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    OidcAccounts(UserDirectory users,
                 @Value("${posture.security.oidc.username-claim:preferred_username}") String usernameClaim,
                 @Value("${posture.security.oidc.default-roles:VIEWER}") Set<Role> defaultRoles) {
        this(new OidcUserService(), users, usernameClaim, defaultRoles);
    }

    OidcAccounts(OAuth2UserService<OidcUserRequest, OidcUser> provider, UserDirectory users, String usernameClaim,
                 Set<Role> defaultRoles) {
        this.provider = provider;
        this.users = users;
        this.usernameClaim = usernameClaim;
        this.defaultRoles = defaultRoles.isEmpty() ? EnumSet.of(Role.VIEWER) : EnumSet.copyOf(defaultRoles);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var identity = provider.loadUser(request);
        var username = identity.getClaimAsString(usernameClaim);
        if (username == null || username.isBlank()) {
            throw refused("the identity provider sent no '" + usernameClaim + "' claim");
        }
        if (!users.exists(username)) {
            // Nobody knows this password: the account signs in through the provider only.
            var unusable = new byte[32];
            random.nextBytes(unusable);
            users.create(username, identity.getFullName() == null ? username : identity.getFullName(),
                    Base64.getEncoder().encodeToString(unusable), defaultRoles, false,
                    "first sign-in through " + request.getClientRegistration().getRegistrationId());
        }
        var account = users.loadUserByUsername(username);
        if (!account.isEnabled() || !account.isAccountNonLocked()) {
            throw refused("the account " + username + " is disabled or locked in Posture");
        }
        var authorities = account.getAuthorities().stream().map(authority -> new SimpleGrantedAuthority(authority.getAuthority())).toList();
        return new DefaultOidcUser(authorities, identity.getIdToken(), identity.getUserInfo(), usernameClaim);
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
