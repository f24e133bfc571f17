package io.posture.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and wrong-typed manifests: each is refused with its reason, and never read as a passing object. */
class HostileManifestTest {

    private final ManifestReader reader = new ManifestReader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            containers: 5                     | spec.containers is a number (5), expected a list
            containers: [{name: a, image: b}], hostNetwork: 'yes' | spec.hostNetwork is a string ('yes'), expected a boolean
            containers: [{name: a, image: b, securityContext: 'x'}] | spec.containers[0].securityContext is a string ('x'), expected an object
            containers: [{name: a, image: b}], securityContext: {runAsUser: 99999999999999999999999999} | spec.securityContext.runAsUser is 99999999999999999999999999, outside
            containers: [{name: a, image: b, securityContext: {privileged: 'false'}}] | spec.containers[0].securityContext.privileged is a string ('false'), expected a boolean
            containers: [{name: a, image: b, securityContext: {capabilities: {add: ALL}}}] | spec.containers[0].securityContext.capabilities.add is a string ('ALL'), expected a list
            containers: [{name: a, image: 5}] | spec.containers[0].image is a number (5), expected a string
            containers: [{name: a, image: b, ports: [{containerPort: 80, hostPort: 70000}]}] | spec.containers[0].ports[0].hostPort is 70000, outside 0 to 65535
            containers: [{name: a, image: b}], volumes: [{name: v, hostPath: '/'}] | spec.volumes[0].hostPath is a string ('/'), expected an object
            containers: [{name: a, image: b, env: [{name: PASSWORD, value: 5}]}] | spec.containers[0].env[0].value is a number (5), expected a string
            containers: [{name: a, image: b}], runAsUser: 0, securityContext: [] | spec.securityContext is a list, expected an object
            """)
    void aWrongTypeRefusesTheObjectWithThePath(String spec, String reason) {
        var contents = reader.parse("kind: Pod\nmetadata: {name: p, namespace: x}\nspec: {" + spec + "}\n", "p.yaml", "p.yaml");

        assertThat(contents.objects()).isEmpty();
        assertThat(contents.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.where()).isEqualTo("the file (Pod p)");
            assertThat(refused.reason()).contains(reason);
        });
    }

    @Test
    void wrongTypesInTemplatesLabelsAndRbacAreRefusedToo() {
        var contents = reader.parse("""
                kind: Deployment
                metadata: {name: d, labels: {team: [a]}}
                spec: {template: {metadata: {annotations: {a: 1}}, spec: {containers: [{name: c, image: i}]}}}
                ---
                kind: ClusterRole
                metadata: {name: r}
                rules: [{verbs: '*', resources: [secrets]}]
                ---
                kind: ServiceAccount
                metadata: {name: s, namespace: x}
                automountServiceAccountToken: 'no'
                ---
                kind: Namespace
                metadata: {name: good}
                """, "all.yaml", "all.yaml");

        assertThat(contents.objects()).extracting(ManifestObject::name).containsExactly("good");
        assertThat(contents.refused()).extracting(ManifestReader.Refused::reason).containsExactly(
                "metadata.labels['team'] is a list, expected a string; spec.template.metadata.annotations['a'] is a number (1), expected a string",
                "rules[0].verbs is a string ('*'), expected a list",
                "automountServiceAccountToken is a string ('no'), expected a boolean");
    }

    @Test
    void aSelfReferencingAliasIsRefusedWithoutOverflowingTheStack() {
        var contents = reader.parse("kind: Pod\nmetadata: &m {name: x, self: *m}\nspec: {containers: []}\n", "p.yaml", "p.yaml");

        assertThat(contents.objects()).isEmpty();
        assertThat(contents.refused()).singleElement().satisfies(refused ->
                assertThat(refused.reason()).contains("the alias *m refers to a node that contains it"));
    }

    @Test
    void aPodWithAMillionContainersIsRefusedBeforeItIsBuilt() {
        var spaced = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [" + "{}, ".repeat(1_000_000) + "{}]\n";
        var compact = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [" + "{},".repeat(1_000_000) + "{}]\n";

        assertThat(reader.parse(spaced, "p.yaml", "p.yaml").refused()).singleElement().satisfies(refused ->
                assertThat(refused.reason()).isEqualTo("refused: spec.containers[20000] has more than 20,000 items"));
        assertThat(reader.parse(compact, "p.yaml", "p.yaml").refused()).singleElement().satisfies(refused ->
                assertThat(refused.reason()).startsWith("refused: 3,000,004 characters without a space or line break"));
    }

    @Test
    void aPodWithTooManyContainersForAnyRealPodIsRefused() {
        var text = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [" + "{name: c, image: i},".repeat(300) + "{}]\n";

        assertThat(reader.parse(text, "p.yaml", "p.yaml").refused()).singleElement().satisfies(refused ->
                assertThat(refused.reason()).isEqualTo("spec.containers lists 301 containers, more than the 256 Posture reads"));
    }

    @Test
    void aHugeQuotedScalarIsRefusedQuickly() {
        var text = "kind: Pod\nmetadata: {name: p, annotations: {a: \"" + "x".repeat(15 * 1024 * 1024) + "\"}}\nspec: {containers: []}\n";
        long started = System.nanoTime();

        var contents = reader.parse(text, "p.yaml", "p.yaml");

        System.out.printf("15 MB quoted scalar refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(contents.refused()).singleElement().satisfies(refused ->
                assertThat(refused.reason()).contains("characters without a space or line break, more than the 1,048,576"));
    }

    @Test
    void aLongValueWithSpacesIsBoundedByTheScalarLimit() {
        var text = "kind: Pod\nmetadata: {name: p, annotations: {a: \"" + "xxxxxxx ".repeat(200_000) + "\"}}\nspec: {containers: []}\n";

        assertThat(reader.parse(text, "p.yaml", "p.yaml").refused()).singleElement().satisfies(refused ->
                assertThat(refused.reason()).contains("metadata.annotations.a holds a value of 1,600,000 characters"));
    }

    @Test
    void oneBadObjectAmongManyGoodOnesRefusesOnlyItself() {
        var text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("---\nkind: Pod\nmetadata: {name: p").append(i).append(", namespace: x}\nspec: {containers: [{name: c, image: i}]}\n");
            if (i == 100) {
                text.append("---\nkind: Pod\nmetadata: {name: bad}\nspec: {containers: 5}\n---\nkind: Pod\n\tmetadata: {name: tab}\n");
            }
        }

        var contents = reader.parse(text.toString(), "many.yaml", "many.yaml");

        assertThat(contents.objects()).hasSize(200);
        assertThat(contents.refused()).extracting(ManifestReader.Refused::where)
                .containsExactly("document 102 (line 405) (Pod bad)", "document 103 (line 409)");
    }

    @Test
    void jsonIsBoundedTheSameWay() {
        var deep = "[".repeat(100) + "]".repeat(100);
        var huge = "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        var wide = "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}, \"spec\": {\"containers\": [" + "{},".repeat(30_000) + "{}]}}";

        for (var text : new String[]{deep, huge, wide}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.parse(text, "x.json", "x.json"))
                    .isInstanceOf(ManifestException.class).hasMessageStartingWith("refused: ");
        }
    }
}
