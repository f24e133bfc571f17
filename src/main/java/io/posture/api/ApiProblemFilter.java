package io.posture.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;

/**
 * Under {@code /api/}, every error is a problem-details answer: what the servlet container or
 * Spring would otherwise send as an error page (404 for an unknown path, 405, a failure outside
 * any controller) would be forwarded to {@code /error}, outside the API, and end as a redirect to
 * the login page or an HTML page. Registered before Spring Security, so its refusals are caught too.
 */
class ApiProblemFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var answer = new ProblemAnswer(request, response);
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.error("API request {} {} failed outside any controller", request.getMethod(), request.getRequestURI(), e);
            write(request, response, HttpStatus.INTERNAL_SERVER_ERROR.value(),
                    "Posture could not answer this request; the server log has the details");
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        var answer = ApiProblems.of(HttpStatusCode.valueOf(status),
                detail == null || detail.isBlank() ? defaultDetail(status, request) : detail);
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", answer.getType().toString());
        problem.put("title", answer.getTitle());
        problem.put("status", status);
        problem.put("detail", answer.getDetail());
        problem.put("instance", request.getRequestURI());
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(ApiProblems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
        response.flushBuffer();
    }

    private static String defaultDetail(int status, HttpServletRequest request) {
        return switch (status) {
            case 404 -> "No API resource at " + request.getRequestURI() + " (see /api/v1/openapi.json)";
            case 405 -> request.getMethod() + " is not allowed on " + request.getRequestURI();
            case 403 -> "The token's role may not do this";
            case 413 -> "The request body is larger than Posture accepts";
            default -> "The request could not be answered";
        };
    }

    /** Turns {@code sendError} into a written problem, so no error dispatch leaves the API. */
    private static final class ProblemAnswer extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        ProblemAnswer(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            // the container's own messages ("Access Denied", "Not Found") say less than the defaults
            write(request, (HttpServletResponse) getResponse(), status, null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ApiProblemFilter> apiProblemFilter() {
            var registration = new FilterRegistrationBean<>(new ApiProblemFilter());
            registration.addUrlPatterns("/api/*");
            // before Spring Security's filter chain (order -100)
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
