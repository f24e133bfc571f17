package io.posture.benchmark.internal;

import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.PodSubject;
import io.posture.benchmark.PolicyVersion;
import io.posture.shared.ImageFacts;
import io.posture.shared.SafeYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every image rule on a container whose image is known to pass, known to fail, and not known at all. */
class ImageRulesTest {

    static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    static final String IMAGE = "registry.example.com/shop/api:1.4.2";
    static final ImageFacts GOOD = new ImageFacts("sha256:aa", true, "10001", NOW.minus(10, ChronoUnit.DAYS),
            NOW.minus(1, ChronoUnit.DAYS), List.of(), List.of());
    static final ImageFacts BAD = new ImageFacts("sha256:bb", false, "", NOW.minus(400, ChronoUnit.DAYS),
            NOW.minus(30, ChronoUnit.DAYS), List.of("CVE-2024-45490", "CVE-2024-2961"), List.of("CVE-2024-2961"));
    /** Scanned, but no KEV catalogue imported: whether a vulnerability is exploited is not known. */
    static final ImageFacts NO_CATALOGUE = new ImageFacts("sha256:cc", true, "10001", NOW.minus(10, ChronoUnit.DAYS),
            NOW.minus(1, ChronoUnit.DAYS), List.of(), null);

    record Case(String rule, Map<String, Object> parameters, String image, ImageFacts facts, ControlStatus expected, String observed) {
        boolean passes() {
            return expected == ControlStatus.PASS;
        }

        @Override
        public String toString() {
            return rule + " " + expected + " on " + image + (facts == null ? " (unknown image)" : "");
        }
    }

    static Case of(String rule, ImageFacts facts, ControlStatus expected, String observed) {
        return new Case(rule, Map.of(), IMAGE, facts, expected, observed);
    }

    static Case days(String rule, int days, ImageFacts facts, ControlStatus expected, String observed) {
        return new Case(rule, Map.of("days", days), IMAGE, facts, expected, observed);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("image.mutableTag", Map.of(), IMAGE + "@sha256:" + "a".repeat(64), null, ControlStatus.PASS, "pinned by digest"),
                new Case("image.mutableTag", Map.of(), IMAGE, null, ControlStatus.FAIL, "tag 1.4.2, no digest"),
                new Case("image.mutableTag", Map.of(), "nginx", null, ControlStatus.FAIL, "tag <none>, so latest"),
                of("image.signed", GOOD, ControlStatus.PASS, "signed"),
                of("image.signed", BAD, ControlStatus.FAIL, "no signature"),
                of("image.signed", null, ControlStatus.UNKNOWN, "no registry collection"),
                of("image.nonRootUser", GOOD, ControlStatus.PASS, "non-root"),
                of("image.nonRootUser", BAD, ControlStatus.FAIL, "<unset> (root)"),
                of("image.nonRootUser", new ImageFacts(null, null, "0:0", null, null, List.of(), null), ControlStatus.FAIL, "config user 0:0"),
                of("image.nonRootUser", null, ControlStatus.UNKNOWN, "image config not known"),
                of("image.fixableVulnerabilities", GOOD, ControlStatus.PASS, "no critical or high"),
                of("image.fixableVulnerabilities", BAD, ControlStatus.FAIL, "2 fixable critical/high: CVE-2024-45490, CVE-2024-2961"),
                of("image.fixableVulnerabilities", null, ControlStatus.UNKNOWN, "never scanned"),
                of("image.knownExploited", GOOD, ControlStatus.PASS, "no vulnerability CISA lists as exploited"),
                of("image.knownExploited", BAD, ControlStatus.FAIL, "1 known exploited (CISA KEV): CVE-2024-2961"),
                of("image.knownExploited", NO_CATALOGUE, ControlStatus.UNKNOWN, "no CISA KEV catalogue imported"),
                of("image.knownExploited", null, ControlStatus.UNKNOWN, "never scanned"),
                days("image.maxAgeDays", 90, GOOD, ControlStatus.PASS, "built within 90 days"),
                days("image.maxAgeDays", 90, BAD, ControlStatus.FAIL, "400 days ago"),
                days("image.maxAgeDays", 90, null, ControlStatus.UNKNOWN, "creation date not known"),
                days("image.scannedWithinDays", 7, GOOD, ControlStatus.PASS, "scanned within 7 days"),
                days("image.scannedWithinDays", 7, BAD, ControlStatus.FAIL, "30 days ago"),
                days("image.scannedWithinDays", 7, null, ControlStatus.FAIL, "never scanned"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case testCase) {
        var spec = SafeYaml.readAll(new StringReader("{containers: [{name: app, image: '" + testCase.image() + "'}]}"), 10_000).getFirst();
        var facts = testCase.facts() == null ? Map.<String, ImageFacts>of() : Map.of(testCase.image(), testCase.facts());
        var pod = new PodView(new PodSubject("Deployment", "shop", "api", JsonNodeFactory.instance.objectNode(), spec,
                "spec.template.spec", "spec.template.metadata", new ImageFacts.ByReference(NOW, facts)));

        var result = RuleRegistry.podRule(testCase.rule(), testCase.parameters()).evaluate(pod, PolicyVersion.parse("v1.37"));

        var status = !result.decided() ? ControlStatus.UNKNOWN : result.passed() ? ControlStatus.PASS : ControlStatus.FAIL;
        assertThat(status).isEqualTo(testCase.expected());
        assertThat(result.evidence()).isNotEmpty().allSatisfy(evidence -> assertThat(evidence.path()).startsWith("spec.template.spec.containers"));
        assertThat(result.evidence().getFirst().observed()).contains(testCase.observed());
    }

    @Test
    void ageParametersMustBeWholePositiveNumbers() {
        assertThatThrownBy(() -> RuleRegistry.podRule("image.maxAgeDays", Map.of("days", "ninety")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> RuleRegistry.podRule("image.scannedWithinDays", Map.of("days", 0)))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RuleRegistry.podRule("image.signed", Map.of("days", 3))).hasMessageContaining("takes no parameters");
    }
}
