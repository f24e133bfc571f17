package io.posture.collect.internal;

import io.posture.collect.HostReportViews.ReportedCheck;
import io.posture.collect.HostReportViews.Tool;
import io.posture.collect.HostReportViews.Verdict;
import io.posture.collect.ManifestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads kube-bench JSON ({@code {"Controls":[…],"Totals":…}} or a bare array of controls) and
 * docker-bench-security JSON ({@code {"dockerbenchsecurity":…,"tests":[…]}}). A file of the wrong
 * tool, or of neither, is refused with a message that says what was expected.
 */
public final class HostReportReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A report as read: the tool's version, the benchmark version it checked, its checks. */
    public record ParsedReport(String toolVersion, String benchmarkVersion, List<ReportedCheck> checks) {
    }

    private HostReportReader() {
    }

    public static ParsedReport read(Tool tool, byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new ManifestException(ReportFormats.recogniseText(content)
                    .map(format -> "not a " + tool.label() + " JSON report but " + format)
                    .orElse("not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new ManifestException("the file is empty");
        }
        var report = tool == Tool.KUBE_BENCH ? kubeBench(root) : dockerBench(root);
        if (report.checks().isEmpty()) {
            throw new ManifestException("the report holds no checks");
        }
        return report;
    }

    private static ParsedReport kubeBench(JsonNode root) {
        JsonNode controls;
        if (root.isArray()) {
            controls = root;
        } else if (root.isObject() && root.path("Controls").isArray()) {
            controls = root.path("Controls");
        } else if (root.has("dockerbenchsecurity")) {
            throw new ManifestException("this is a docker-bench report; upload it as docker-bench for a Docker host");
        } else {
            throw new ManifestException(otherFormat(root).map(format -> "not a kube-bench report but " + format).orElse(
                    "not a kube-bench report: expected {\"Controls\": [...]} or an array of controls (run kube-bench with --json)"));
        }
        var checks = new ArrayList<ReportedCheck>();
        String version = null;
        for (var control : controls) {
            if (!control.isObject() || !control.path("tests").isArray()) {
                throw new ManifestException("not a kube-bench report: a control has no tests list");
            }
            version = version != null ? version : text(control, "version");
            for (var group : control.path("tests")) {
                for (var result : group.path("results")) {
                    var id = text(result, "test_number");
                    var status = upper(text(result, "status"));
                    if (id == null || status == null) {
                        throw new ManifestException("not a kube-bench report: a result has no test_number or status");
                    }
                    var manual = "manual".equalsIgnoreCase(text(result, "type"));
                    var verdict = switch (status) {
                        case "PASS" -> Verdict.PASS;
                        case "FAIL" -> Verdict.FAIL;
                        case "WARN" -> manual ? Verdict.MANUAL : Verdict.INCONCLUSIVE;
                        case "INFO" -> Verdict.MANUAL;
                        default -> throw new ManifestException("check " + id + " has status '" + status
                                + "'; kube-bench reports PASS, FAIL, WARN or INFO");
                    };
                    if ("skip".equalsIgnoreCase(text(result, "type"))) {
                        verdict = Verdict.SKIPPED;
                    }
                    checks.add(new ReportedCheck(id, stripAssessment(text(result, "test_desc")), verdict, status,
                            trim(text(result, "actual_value")), trim(text(result, "expected_result")),
                            trim(text(result, "remediation"))));
                }
            }
        }
        return new ParsedReport(null, normalizedVersion(version), checks);
    }

    /** A scan report or another tool's file, named so that a refusal says where it belongs. */
    private static java.util.Optional<String> otherFormat(JsonNode root) {
        return ReportFormats.recogniseScan(root).or(() -> ReportFormats.recognise(root));
    }

    private static ParsedReport dockerBench(JsonNode root) {
        if (root.isObject() && (root.path("Controls").isArray()) || root.isArray()) {
            throw new ManifestException("this is a kube-bench report; upload it as kube-bench for a cluster node");
        }
        if (!root.isObject() || !root.path("tests").isArray()) {
            throw new ManifestException(otherFormat(root).map(format -> "not a docker-bench report but " + format).orElse(
                    "not a docker-bench report: expected {\"dockerbenchsecurity\": ..., \"tests\": [...]} "
                    + "(run docker-bench-security with -l and take the .json log)"));
        }
        var checks = new ArrayList<ReportedCheck>();
        for (var section : root.path("tests")) {
            for (var result : section.path("results")) {
                var id = text(result, "id");
                var status = upper(text(result, "result"));
                if (id == null || status == null) {
                    throw new ManifestException("not a docker-bench report: a result has no id or result");
                }
                var verdict = switch (status) {
                    case "PASS" -> Verdict.PASS;
                    case "WARN" -> Verdict.FAIL;
                    case "INFO", "NOTE" -> Verdict.MANUAL;
                    default -> throw new ManifestException("check " + id + " has result '" + status
                            + "'; docker-bench reports PASS, WARN, INFO or NOTE");
                };
                var details = text(result, "details");
                checks.add(new ReportedCheck(id, stripAssessment(text(result, "desc")), verdict, status,
                        trim(details), null, trim(text(result, "remediation"))));
            }
        }
        return new ParsedReport(text(root, "dockerbenchsecurity"), null, checks);
    }

    /** kube-bench writes "cis-1.10" or "1.5"; benchmarks key their aliases by "v1.10". */
    private static String normalizedVersion(String version) {
        if (version == null) {
            return null;
        }
        var digits = version.toLowerCase(Locale.ROOT).replaceFirst("^cis-", "").replaceFirst("^v", "");
        return digits.matches("\\d+\\.\\d+.*") ? "v" + digits : version;
    }

    private static String stripAssessment(String title) {
        return title == null ? null : title.replaceAll("\\s*\\((Automated|Manual|Scored|Not Scored)\\)\\s*$", "").trim();
    }

    private static String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static String upper(String text) {
        return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
