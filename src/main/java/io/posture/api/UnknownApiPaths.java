package io.posture.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.NoSuchElementException;

/**
 * Any path under /api/ that no endpoint serves: without this, the request would fall through to
 * Vaadin's catch-all route and be answered with the application's HTML page and a 200.
 */
@RestController
class UnknownApiPaths {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new NoSuchElementException("No API resource at " + request.getRequestURI() + " (see /api/v1/openapi.json)");
    }
}
