package io.posture.benchmark;

import io.posture.shared.SafeYaml;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.StringReader;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkEvaluatorTest {

    private final BenchmarkCatalog catalog = new BenchmarkCatalog();
    private final BenchmarkEvaluator evaluator = new BenchmarkEvaluator();

    @Test
    void catalogueHoldsBothProfilesWithTextForEveryControl() {
        var baseline = catalog.get("pss-baseline");
        var restricted = catalog.get("pss-restricted");

        assertThat(baseline.controls()).hasSize(12);
        assertThat(restricted.controls()).hasSize(19);
        assertThat(restricted.sections()).extracting(Section::id).containsExactly("baseline", "restricted");
        assertThat(restricted.latestVersion()).isEqualTo(PolicyVersion.parse("v1.37"));
        assertThat(restricted.controls()).allSatisfy(control -> {
            assertThat(control.rationale()).isNotBlank();
            assertThat(control.remediation()).isNotBlank();
        });
    }

    @Test
    void unknownBenchmarkNamesTheKnownOnes() {
        assertThatThrownBy(() -> catalog.get("cis-foo")).hasMessageContaining("pss-baseline, pss-restricted");
    }

    @Test
    void controlsFromALaterPolicyVersionAreNotApplicableWhenPinnedEarlier() {
        var outcomes = evaluate("pss-restricted@v1.22", "{containers: [{name: a, image: x}]}");

        assertThat(outcomes.get("runAsUser").status()).isEqualTo(ControlStatus.NOT_APPLICABLE);
        assertThat(outcomes.get("hostProbesAndHostLifecycle").status()).isEqualTo(ControlStatus.NOT_APPLICABLE);
        assertThat(outcomes.get("capabilities_restricted").status()).isEqualTo(ControlStatus.FAIL);
    }

    @Test
    void restrictedVariantsReplaceTheirBaselineCounterpartsOnlyWhereTheyApply() {
        var spec = "{containers: [{name: a, securityContext: {capabilities: {add: [SYS_ADMIN]}}}]}";

        var latest = evaluate("pss-restricted", spec);
        assertThat(latest.get("capabilities_baseline").status()).isEqualTo(ControlStatus.NOT_APPLICABLE);
        assertThat(latest.get("capabilities_restricted").status()).isEqualTo(ControlStatus.FAIL);

        var before = evaluate("pss-restricted@v1.21", spec);
        assertThat(before.get("capabilities_baseline").status()).isEqualTo(ControlStatus.FAIL);
        assertThat(before.get("capabilities_restricted").status()).isEqualTo(ControlStatus.NOT_APPLICABLE);
    }

    @Test
    void aHardenedPodPassesEveryRestrictedControl() {
        var outcomes = evaluate("pss-restricted", """
                {securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}},
                 containers: [{name: a, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]}""");

        assertThat(outcomes.values()).extracting(ControlOutcome::status)
                .containsOnly(ControlStatus.PASS, ControlStatus.NOT_APPLICABLE);
    }

    @Test
    void aValueNoRuleForesawMakesThatControlUnknownAndLeavesTheOthersDecided() {
        var outcomes = evaluate("pss-restricted", """
                {securityContext: {runAsUser: 99999999999999999999999999},
                 containers: [{name: a, securityContext: {privileged: true}}]}""");

        assertThat(outcomes.get("runAsUser").status()).isNotEqualTo(ControlStatus.PASS);
        assertThat(outcomes.get("privileged").status()).isEqualTo(ControlStatus.FAIL);
    }

    @Test
    void evidencePointsAtTheFieldInTheWorkloadNotInABarePod() {
        var spec = SafeYaml.readAll(new StringReader("{containers: [{name: api, securityContext: {privileged: true}}]}"), 1000).getFirst();
        var subject = new PodSubject("Deployment", "shop", "api", JsonNodeFactory.instance.objectNode(), spec,
                "spec.template.spec", "spec.template.metadata", null);
        var benchmark = catalog.get("pss-baseline");

        var privileged = evaluator.evaluate(benchmark, benchmark.latestVersion(), subject).stream()
                .filter(outcome -> outcome.control().id().equals("privileged")).findFirst().orElseThrow();

        assertThat(privileged.evidence()).containsExactly(
                new Evidence("spec.template.spec.containers[name=api].securityContext.privileged", "true"));
    }

    @Test
    void benchmarkReferencesPinAVersionOrTakeTheLatest() {
        assertThat(BenchmarkRef.parse("pss-restricted@v1.33").versionFor(catalog.get("pss-restricted")))
                .isEqualTo(PolicyVersion.of(1, 33));
        assertThat(BenchmarkRef.parse("pss-restricted").versionFor(catalog.get("pss-restricted")))
                .isEqualTo(PolicyVersion.of(1, 37));
        assertThatThrownBy(() -> BenchmarkRef.parse("pss-restricted@latest-ish"))
                .hasMessageContaining("not a policy version");
    }

    private Map<String, ControlOutcome> evaluate(String reference, String podSpec) {
        var ref = BenchmarkRef.parse(reference);
        var benchmark = catalog.get(ref.benchmarkId());
        var spec = SafeYaml.readAll(new StringReader(podSpec), 10_000).getFirst();
        var subject = new PodSubject("Pod", "default", "p", JsonNodeFactory.instance.objectNode(), spec, "spec", "metadata", null);
        return evaluator.evaluate(benchmark, ref.versionFor(benchmark), subject).stream()
                .collect(Collectors.toMap(outcome -> outcome.control().id(), Function.identity()));
    }
}
