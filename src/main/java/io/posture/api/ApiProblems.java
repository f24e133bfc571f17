package io.posture.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem details as every API answer that is not a success carries them. */
final class ApiProblems {

    static final String MEDIA_TYPE = "application/problem+json";

    private ApiProblems() {
    }

    static ProblemDetail of(HttpStatusCode status, String detail) {
        var problem = ProblemDetail.forStatus(status);
        var reason = HttpStatus.resolve(status.value());
        problem.setTitle(reason == null ? "Error " + status.value() : reason.getReasonPhrase());
        problem.setDetail(detail == null || detail.isBlank() ? problem.getTitle() : detail);
        return problem;
    }
}
