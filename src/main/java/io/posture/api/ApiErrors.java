package io.posture.api;

import io.posture.collect.ManifestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * API errors as JSON {@code {"error": "…"}} with the status that says whose fault it is. Answered
 * here rather than by the servlet error page, which is outside the API and would redirect to the login.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler({ManifestException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> badInput(RuntimeException problem) {
        return error(HttpStatus.BAD_REQUEST, problem.getMessage());
    }

    @ExceptionHandler(ScanUploadController.TooLarge.class)
    ResponseEntity<Map<String, String>> tooLarge(RuntimeException problem) {
        return error(HttpStatus.CONTENT_TOO_LARGE, problem.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException problem) {
        return error(HttpStatus.FORBIDDEN, "The token's role may not do this");
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> missing(NoSuchElementException problem) {
        return error(HttpStatus.NOT_FOUND, problem.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message == null ? status.getReasonPhrase() : message));
    }
}
