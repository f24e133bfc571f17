package io.posture.security.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.posture.security.ApiTokens;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

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
     * Actuator: the health probes answer anyone (a kubelet has no login); the Prometheus endpoint
     * needs an API token or the configured scrape token; nothing else of Actuator is reachable.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http, ApiTokens tokens,
                                                    @Value("${posture.metrics.scrape-token:}") String scrapeToken) throws Exception {
        return signedInByToken(http.securityMatcher("/actuator/**"), tokens)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").authenticated()
                        .anyRequest().denyAll())
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken), ApiTokenFilter.class)
                // statuses set, not sent: an error dispatch would leave /actuator/ for the login redirect
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"posture\"");
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                }).accessDeniedHandler((request, response, exception) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .build();
    }

    /**
     * The API under /api/: stateless, signed in by an API token per request, no session and no
     * CSRF token (nothing a browser sends on its own authenticates it). 401 without a valid token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        return signedInByToken(http.securityMatcher("/api/**"), tokens)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/openapi.json").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"posture\"");
                    // written here, not with sendError: an error dispatch would leave /api/ for the login redirect
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"An API token is required: Authorization: Bearer pst_...\"}");
                }))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> singleSignOn,
                                            OidcAccounts oidcAccounts, LoginThrottle throttle) throws Exception {
        // Posture's own stylesheet and icon are public like Vaadin's static files: the login page needs them too.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/icons/**").permitAll());
        http.addFilterBefore(new LoginGuard(throttle), UsernamePasswordAuthenticationFilter.class);
        http.headers(SecurityConfiguration::leaveSharedHeadersToTheFilter);
        if (singleSignOn.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/" + LOGIN_ROUTE)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts)));
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_ROUTE)).build();
    }

    /**
     * The session cookie is SameSite=Strict and the only way the session id travels, set through the Servlet 6 cookie attributes because
     * {@code server.servlet.session.cookie.same-site} did not reach Tomcat's session cookie here.
     */
    @Bean
    ServletContextInitializer strictSessionCookie() {
        return context -> {
            context.getSessionCookieConfig().setAttribute("SameSite", "Strict");
            // the session id travels in its cookie only, never in a URL (;jsessionid=…)
            context.setSessionTrackingModes(java.util.Set.of(jakarta.servlet.SessionTrackingMode.COOKIE));
        };
    }

    /** Stateless and signed in per request by a bearer token: no session, no CSRF token, no saved request. */
    private static HttpSecurity signedInByToken(HttpSecurity http, ApiTokens tokens) throws Exception {
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(SecurityConfiguration::leaveSharedHeadersToTheFilter)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class);
    }

    /** {@link SecurityHeaders} writes these on every response; Spring Security's writers would add them twice. */
    private static void leaveSharedHeadersToTheFilter(HeadersConfigurer<HttpSecurity> headers) {
        headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
                .contentTypeOptions(HeadersConfigurer.ContentTypeOptionsConfig::disable);
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
