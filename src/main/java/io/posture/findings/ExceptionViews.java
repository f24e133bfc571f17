package io.posture.findings;

import java.time.Instant;
import java.time.LocalDate;

/** The exceptions register: risk acceptances and false-positive claims, each approved by a second person. */
public final class ExceptionViews {

    private ExceptionViews() {
    }

    public enum Kind {
        RISK_ACCEPTANCE(FindingStatus.RISK_ACCEPTED), FALSE_POSITIVE(FindingStatus.FALSE_POSITIVE);

        private final FindingStatus findingStatus;

        Kind(FindingStatus findingStatus) {
            this.findingStatus = findingStatus;
        }

        public FindingStatus findingStatus() {
            return findingStatus;
        }
    }

    /** What an exception covers: one finding, a control in one namespace, or a control in a whole cluster. */
    public enum Scope { FINDING, CONTROL_IN_NAMESPACE, CONTROL_IN_CLUSTER }

    public enum State { PENDING, ACTIVE, REJECTED, EXPIRED }

    public record ExceptionRequest(long findingId, Kind kind, Scope scope, String justification, LocalDate expiresOn) {
    }

    public record ExceptionSummary(long id, Kind kind, Scope scope, String cluster, String namespace, String benchmarkId, String controlId,
                                   Long findingId, String justification, LocalDate expiresOn, State state,
                                   String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                                   long findingsCovered) {

        public String scopeLabel() {
            return switch (scope) {
                case FINDING -> "finding " + findingId;
                case CONTROL_IN_NAMESPACE -> benchmarkId + "/" + controlId + " in " + cluster + "/" + namespace;
                case CONTROL_IN_CLUSTER -> benchmarkId + "/" + controlId + " in cluster " + cluster;
            };
        }
    }
}
