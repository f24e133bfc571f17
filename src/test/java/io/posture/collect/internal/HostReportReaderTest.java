package io.posture.collect.internal;

import io.posture.collect.HostReportViews.Tool;
import io.posture.collect.HostReportViews.Verdict;
import io.posture.collect.ManifestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** kube-bench and docker-bench reports in every shape the tools write, and files that are not reports. */
class HostReportReaderTest {

    @Test
    void readsKubeBenchControlsObject() {
        var report = HostReportReader.read(Tool.KUBE_BENCH, resource("kube-bench-controls.json"));
        assertThat(report.benchmarkVersion()).isEqualTo("v1.5");
        assertThat(report.checks()).hasSize(3);
        var first = report.checks().getFirst();
        assertThat(first.id()).isEqualTo("1.1.1");
        assertThat(first.verdict()).isEqualTo(Verdict.PASS);
        assertThat(first.title()).doesNotEndWith("(Scored)");
        assertThat(first.actual()).isEqualTo("permissions=600");
        assertThat(first.expected()).isEqualTo("bitmask '600' AND '644'");
        // its WARN is on a manual check: a person decides it
        assertThat(report.checks()).extracting(check -> check.verdict()).containsExactly(Verdict.PASS, Verdict.PASS, Verdict.MANUAL);
    }

    @Test
    void readsKubeBenchBareArray() {
        var report = HostReportReader.read(Tool.KUBE_BENCH, resource("kube-bench-array.json"));
        assertThat(report.checks()).hasSize(23);
        assertThat(report.checks()).filteredOn(check -> check.verdict() == Verdict.FAIL).singleElement()
                .satisfies(check -> assertThat(check.remediation()).isNotBlank());
    }

    @Test
    void readsDockerBench() {
        var report = HostReportReader.read(Tool.DOCKER_BENCH, resource("docker-bench.json"));
        assertThat(report.toolVersion()).isEqualTo("1.3.6");
        assertThat(report.checks()).hasSize(117);
        // docker-bench's WARN is a failed check; NOTE asks a person
        assertThat(report.checks()).filteredOn(check -> check.verdict() == Verdict.FAIL).hasSize(1);
        assertThat(report.checks()).filteredOn(check -> check.verdict() == Verdict.MANUAL).hasSize(8);
        assertThat(report.checks()).filteredOn(check -> check.id().equals("1.1.2")).singleElement()
                .satisfies(check -> assertThat(check.actual()).isEqualTo("doubtfulusers: jubjubbird"));
    }

    @Test
    void manualAndSkippedKubeBenchChecks() {
        var json = """
                {"Controls":[{"id":"4","version":"cis-1.10","tests":[{"section":"4.2","results":[
                  {"test_number":"4.2.4","test_desc":"Verify the read-only port (Manual)","status":"WARN","type":"manual"},
                  {"test_number":"4.2.5","test_desc":"Streaming timeout","status":"INFO","type":"skip"},
                  {"test_number":"4.2.6","test_desc":"iptables chains","status":"WARN","type":""}]}]}]}""";
        var report = HostReportReader.read(Tool.KUBE_BENCH, json.getBytes(StandardCharsets.UTF_8));
        assertThat(report.benchmarkVersion()).isEqualTo("v1.10");
        assertThat(report.checks()).extracting(check -> check.verdict())
                .containsExactly(Verdict.MANUAL, Verdict.SKIPPED, Verdict.INCONCLUSIVE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON|KUBE_BENCH|{\"Controls\": [|not valid JSON",
            "empty file|KUBE_BENCH||the file is empty",
            "docker-bench given as kube-bench|KUBE_BENCH|{\"dockerbenchsecurity\":\"1.6\",\"tests\":[]}|this is a docker-bench report",
            "kube-bench given as docker-bench|DOCKER_BENCH|{\"Controls\":[]}|this is a kube-bench report",
            "a Kubernetes manifest|KUBE_BENCH|{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}|not a kube-bench report",
            "a Trivy report|DOCKER_BENCH|{\"SchemaVersion\":2,\"Results\":[]}|not a docker-bench report but a vulnerability scan report: upload it on the Images page",
            "a Grype report|KUBE_BENCH|{\"matches\":[],\"source\":{}}|not a kube-bench report but a vulnerability scan report",
            "a Polaris audit|KUBE_BENCH|{\"PolarisOutputVersion\":\"1.0\",\"Results\":[]}|not a kube-bench report but a Polaris audit report",
            "kube-bench text|KUBE_BENCH|== Summary master ==|not a kube-bench JSON report but kube-bench text output: run kube-bench with --json",
            "no checks|KUBE_BENCH|{\"Controls\":[]}|the report holds no checks",
            "control without tests|KUBE_BENCH|[{\"id\":\"1\"}]|a control has no tests list",
            "result without id|KUBE_BENCH|[{\"id\":\"1\",\"tests\":[{\"results\":[{\"status\":\"PASS\"}]}]}]|no test_number or status",
            "unknown status|KUBE_BENCH|[{\"id\":\"1\",\"tests\":[{\"results\":[{\"test_number\":\"1.1\",\"status\":\"MAYBE\"}]}]}]|has status 'MAYBE'",
            "unknown docker result|DOCKER_BENCH|{\"tests\":[{\"results\":[{\"id\":\"2.1\",\"result\":\"OOPS\"}]}]}|has result 'OOPS'",
            "null results|DOCKER_BENCH|{\"tests\":[{\"results\":[{\"id\":null,\"result\":null}]}]}|no id or result"})
    void refusesWhatIsNotAReport(String description, Tool tool, String content, String message) {
        var bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> HostReportReader.read(tool, bytes))
                .isInstanceOf(ManifestException.class).hasMessageContaining(message);
    }

    private static byte[] resource(String name) {
        try (var stream = Objects.requireNonNull(HostReportReaderTest.class.getResourceAsStream("/reports/" + name))) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
