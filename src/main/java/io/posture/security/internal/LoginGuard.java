package io.posture.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Stands before the login form's POST: a sign-in sent from another site (login CSRF, which would
 * sign a victim into an attacker's account) is refused by its Origin or Sec-Fetch-Site header, and
 * an address that keeps failing for an account waits, by {@link LoginThrottle}.
 */
class LoginGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);

    private final LoginThrottle throttle;

    LoginGuard(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + "/login").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            log.warn("Refused a cross-site sign-in from {} (Origin {})", request.getRemoteAddr(), request.getHeader("Origin"));
            // written here: sendError would forward to the error page, which sends anonymous users to the login
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Refused: sign in from Posture's own login page.");
            return;
        }
        var wait = throttle.wait(request.getRemoteAddr(), request.getParameter("username"));
        if (!wait.isZero()) {
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + Math.max(1, wait.toSeconds()));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Browsers say where a request comes from in Sec-Fetch-Site (which a proxy rewriting Host
     * cannot confuse); older ones only in Origin, compared with the Host the browser addressed.
     * No header at all is a client that is not a browser, which no other site can drive.
     */
    private static boolean crossSite(HttpServletRequest request) {
        var fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        var origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            var uri = URI.create(origin);
            var host = request.getHeader("Host");
            var originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return uri.getHost() == null || host == null || !host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
