package io.posture.collect;

import java.time.Instant;
import java.util.List;

/** Read models of node and Docker host reports (kube-bench, docker-bench). */
public final class HostReportViews {

    private HostReportViews() {
    }

    public enum Tool {
        KUBE_BENCH("kube-bench"), DOCKER_BENCH("docker-bench");

        private final String label;

        Tool(String label) {
            this.label = label;
        }

        /** The name benchmarks use to say which tool's reports decide them. */
        public String label() {
            return label;
        }
    }

    /**
     * What a check reported, in tool-independent terms: kube-bench's WARN on an automated check
     * is INCONCLUSIVE (it could not decide), on a manual check MANUAL; docker-bench's WARN is a FAIL.
     */
    public enum Verdict { PASS, FAIL, MANUAL, INCONCLUSIVE, SKIPPED }

    /** One check of a report, with what the tool observed and expected. */
    public record ReportedCheck(String id, String title, Verdict verdict, String reportedStatus, String actual,
                                String expected, String remediation) {
    }

    /** The checks of the latest report of each tool for one host. */
    public record HostChecks(long reportId, long hostId, String hostName, Tool tool, String benchmarkVersion,
                             Instant uploadedAt, List<ReportedCheck> checks) {
    }

    public record HostReportInfo(long id, long hostId, String hostName, Tool tool, String toolVersion,
                                 String benchmarkVersion, String fileName, String sha256, int checks, String uploadedBy,
                                 Instant uploadedAt) {
    }

    /** A report file as uploaded, for evidence packages. */
    public record ReportFile(String hostName, Tool tool, String fileName, String sha256, String content, java.time.Instant uploadedAt) {
    }
}
