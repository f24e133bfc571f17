package io.posture.api;

import io.posture.collect.ManifestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.NoSuchElementException;

/**
 * API errors as RFC 9457 problem details ({@code application/problem+json}) with the status that
 * says whose fault it is. Spring MVC's own errors (a missing or mistyped parameter, an unknown
 * path, a wrong method) come as problem details from the base class; what escapes MVC altogether
 * is answered the same way by {@link ApiProblemFilter}.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler({ManifestException.class, IllegalArgumentException.class})
    ProblemDetail badInput(RuntimeException problem) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, problem.getMessage());
    }

    @ExceptionHandler(ScanUploadController.TooLarge.class)
    ProblemDetail tooLarge(RuntimeException problem) {
        return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, problem.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException problem) {
        return ApiProblems.of(HttpStatus.FORBIDDEN, "The token's role may not do this");
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail missing(NoSuchElementException problem) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, problem.getMessage());
    }

    /** Something already under way for the same target (a collection of the cluster, say). */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException problem) {
        return ApiProblems.of(HttpStatus.CONFLICT, problem.getMessage());
    }

    /** A lock held by another import or evaluation: nothing was applied, and the same request may be sent again. */
    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> busy(RuntimeException problem) {
        log.warn("API request refused as busy", problem);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
                        "Another import or evaluation holds the data this request needs; nothing was changed, try again shortly"));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception problem) {
        log.error("API request failed", problem);
        return ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Posture could not answer this request; the server log has the details");
    }
}
