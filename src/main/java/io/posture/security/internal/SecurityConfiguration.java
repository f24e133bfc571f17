package io.posture.security.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.posture.security.ApiTokens;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
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

    /**
     * The API under /api/: stateless, signed in by an API token per request, no session and no
     * CSRF token (nothing a browser sends on its own authenticates it). 401 without a valid token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/openapi.json").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"posture\"");
                    // written here, not with sendError: an error dispatch would leave /api/ for the login redirect
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setContentType("application/json");
                    response.getWriter().write("{\"error\":\"An API token is required: Authorization: Bearer pst_...\"}");
                }))
                .build();
    }

    @Bean
    @Order(2)
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
