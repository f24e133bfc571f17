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
    void nsaCisaGuidanceNamesItsSourceForEveryControlAndReusesTheOtherBenchmarksRules() {
        var nsa = catalog.get("nsa-cisa");

        assertThat(nsa.edition()).isEqualTo("v1.2");
        assertThat(nsa.sections()).extracting(Section::title).containsExactly("Kubernetes Pod security",
                "Network separation and hardening", "Authentication and authorization", "Audit logging and threat detection");
        assertThat(nsa.controls()).allSatisfy(control -> {
            assertThat(control.reference()).as(control.id()).startsWith(nsa.section(control.sectionId()).orElseThrow().title() + ": ");
            assertThat(control.rationale()).as(control.id()).isNotBlank();
            assertThat(control.remediation()).as(control.id()).isNotBlank();
            assertThat(control.attack()).as(control.id() + " guards against an ATT&CK technique").isNotEmpty();
        });
        assertThat(nsa.control("1.1").orElseThrow().rule()).isEqualTo(catalog.get("pss-restricted").control("runAsNonRoot").orElseThrow().rule());
        assertThat(nsa.control("3.5").orElseThrow().rule()).isEqualTo("rbac.podExec");
        assertThat(nsa.control("2.5").orElseThrow().rule()).isEqualTo("pod.credentialLiterals");
        assertThat(nsa.control("2.2").orElseThrow().rule()).isEqualTo("namespace.defaultDenyNetworkPolicy");
        assertThat(nsa.controlByAlias("", "1.2.16").orElseThrow().source()).as("audit logging from kube-bench's check")
                .isEqualTo(Control.Source.REPORT);
        assertThat(nsa.control("3.5").orElseThrow().attack()).extracting(AttackTechnique::id).containsExactly("T1609");
        assertThat(nsa.control("3.5").orElseThrow().attack().getFirst().url()).isEqualTo("https://attack.mitre.org/techniques/T1609/");
        assertThat(catalog.get("pss-baseline").control("privileged").orElseThrow().attack()).extracting(AttackTechnique::name)
                .as("a control takes its rule's techniques").containsExactly("Escape to Host");
    }

    @Test
    void aPodFailingTheGuidanceFailsItsPodControlsAndPassesWhatItMeets() {
        var outcomes = evaluate("nsa-cisa", """
                {containers: [{name: a, env: [{name: DB_PASSWORD, value: hunter2}],
                  securityContext: {privileged: true, readOnlyRootFilesystem: true}}]}""");

        assertThat(outcomes.get("1.7").status()).isEqualTo(ControlStatus.FAIL);
        assertThat(outcomes.get("2.5").status()).isEqualTo(ControlStatus.FAIL);
        assertThat(outcomes.get("2.5").evidence().toString()).doesNotContain("hunter2");
        assertThat(outcomes.get("1.3").status()).isEqualTo(ControlStatus.PASS);
        assertThat(outcomes).as("cluster and report controls are not the pod's").doesNotContainKeys("2.2", "3.5", "1.2.16");
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
