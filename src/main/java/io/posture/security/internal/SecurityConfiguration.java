package io.posture.security.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Login is required for every page and request; the server checks roles on services
 * ({@code @PreAuthorize}) as well as on views, so a hidden button is never the only guard.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LOGIN_ROUTE = "login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> singleSignOn,
                                            OidcAccounts oidcAccounts) throws Exception {
        // Posture's own stylesheet is public like Vaadin's static files: the login page needs it too.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**").permitAll());
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        if (singleSignOn.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/" + LOGIN_ROUTE)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts)));
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_ROUTE)).build();
    }

    /**
     * The session cookie is SameSite=Strict, set through the Servlet 6 cookie attributes because
     * {@code server.servlet.session.cookie.same-site} did not reach Tomcat's session cookie here.
     */
    @Bean
    ServletContextInitializer strictSessionCookie() {
        return context -> context.getSessionCookieConfig().setAttribute("SameSite", "Strict");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
