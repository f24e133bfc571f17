package io.posture.security.internal;

import io.posture.shared.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Signs a metrics scrape in with the configured {@code posture.metrics.scrape-token} (a Prometheus
 * {@code authorization: credentials:}), compared in constant time; an API token works as well.
 * Without a configured scrape token only API tokens do.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String SCRAPER = "ROLE_METRICS_SCRAPER";

    private final byte[] expected;

    ScrapeTokenFilter(String scrapeToken) {
        this.expected = scrapeToken == null || scrapeToken.isBlank() ? null : sha256(scrapeToken.trim());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (expected != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(expected, sha256(header.substring(7).trim()))) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                    List.of(new SimpleGrantedAuthority(SCRAPER))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String value) {
        return Sha256.hex(value.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }
}
