package io.posture.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestReaderTest {

    private final ManifestReader reader = new ManifestReader();

    @Test
    void readsASingleObject() {
        var objects = parsed("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec: {template: {spec: {containers: [{name: api, image: 'shop/api:1'}]}}}
                """, "api.yaml", "api.yaml");

        assertThat(objects).singleElement().satisfies(object -> {
            assertThat(object.kind()).isEqualTo("Deployment");
            assertThat(object.namespace()).isEqualTo("shop");
            assertThat(object.workloadTemplate()).get().satisfies(template ->
                    assertThat(template.podSpec().path("containers").get(0).path("image").asString()).isEqualTo("shop/api:1"));
        });
    }

    @Test
    void readsMultiDocumentYamlSkippingEmptyDocuments() {
        var objects = parsed("""
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                # only a comment
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: debug, namespace: shop}
                spec: {containers: [{name: sh, image: busybox}]}
                """, "all.yaml", "all.yaml");

        assertThat(objects).extracting(ManifestObject::kind).containsExactly("Namespace", "Pod");
    }

    @Test
    void readsKubectlListsAndTypedApiLists() {
        var list = parsed("""
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "a", "namespace": "x"}},
                  {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "b"}}]}
                """, "dump.json", "dump.json");
        var podList = parsed("""
                {"apiVersion": "v1", "kind": "PodList", "items": [{"metadata": {"name": "p", "namespace": "x"}, "spec": {"containers": []}}]}
                """, "pods.json", "pods.json");

        assertThat(list).extracting(ManifestObject::kind).containsExactly("ServiceAccount", "ClusterRole");
        assertThat(podList).extracting(ManifestObject::kind).containsExactly("Pod");
    }

    @Test
    void takesTheKindOfKindlessArraysFromTheFileName() {
        var objects = parsed("""
                [{"metadata": {"name": "p1", "namespace": "a"}, "spec": {"containers": [{"name": "c", "image": "i"}]}},
                 {"metadata": {"name": "p2", "namespace": "b"}, "spec": {"containers": [{"name": "c", "image": "i"}]}}]
                """, "Pods.json", "dump/Pods.json");

        assertThat(objects).extracting(ManifestObject::kind).containsOnly("Pod");
        assertThat(objects).extracting(ManifestObject::name).containsExactly("p1", "p2");
        assertThat(objects).extracting(ManifestObject::file).containsOnly("dump/Pods.json");
    }

    @ParameterizedTest
    @CsvSource({"PersistentVolumeClaims.json, PersistentVolumeClaim", "storageclass.yaml, StorageClass",
            "networkpolicy.json, NetworkPolicy", "Endpoints.json, Endpoints", "horizontalpodautoscalers.yml, HorizontalPodAutoscaler",
            "ingress.json, Ingress", "controllerrevisions.json, ControllerRevision", "CSIDrivers.json, CSIDriver",
            "validatingwebhookconfigurations.json, ValidatingWebhookConfiguration", "secret.yaml, Secret"})
    void knowsEveryBuiltInKindByItsResourceNameOrItsKind(String fileName, String kind) {
        assertThat(parsed("[{\"metadata\": {\"name\": \"x\", \"namespace\": \"a\"}}]", fileName, fileName))
                .extracting(ManifestObject::kind).containsExactly(kind);
    }

    @Test
    void refusesKindlessArraysWhoseFileNameNamesNoKind() {
        assertThat(reader.parse("[{\"metadata\": {\"name\": \"x\"}}]", "stuff.json", "stuff.json").refused())
                .singleElement().satisfies(refused -> assertThat(refused.reason()).contains("names no kind"));
    }

    @Test
    void readsEveryManifestFileOfAFolderInAStableOrder(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("b"));
        Files.writeString(folder.resolve("b/x.yml"), "kind: Namespace\nmetadata: {name: b}\n");
        Files.writeString(folder.resolve("a.yaml"), "kind: Namespace\nmetadata: {name: a}\n");
        Files.writeString(folder.resolve("notes.txt"), "not a manifest");
        Files.writeString(folder.resolve(".hidden.yaml"), "kind: Namespace\nmetadata: {name: h}\n");

        assertThat(reader.files(folder)).extracting(path -> folder.relativize(path).toString())
                .containsExactly("a.yaml", "b/x.yml");
    }

    @Test
    void controllerOwnedPodsAreNotWorkloadsOfTheirOwn() {
        var objects = parsed("""
                kind: Pod
                metadata:
                  name: api-7d9f-abcde
                  namespace: shop
                  ownerReferences: [{kind: ReplicaSet, name: api-7d9f, controller: true}]
                spec: {containers: [{name: api, image: a}]}
                """, "pod.yaml", "pod.yaml");

        assertThat(objects.getFirst().workloadTemplate()).isEmpty();
    }

    @Test
    void malformedYamlSaysWhereItBroke() {
        assertThat(reader.parse("kind: Pod\nmetadata: {name: [unclosed\n", "bad.yaml", "bad.yaml").refused())
                .singleElement().satisfies(refused -> assertThat(refused.reason()).startsWith("malformed YAML").contains("line 3"));
    }

    @Test
    void malformedJsonIsRefused() {
        assertThatThrownBy(() -> reader.parse("{\"kind\": \"Pod\", ", "bad.json", "bad.json"))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("malformed JSON");
    }

    @Test
    void aYamlBombIsRefusedBeforeItExpands() {
        var bomb = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                kind: Pod
                metadata: {name: boom}
                """;

        assertThat(reader.parse(bomb, "bomb.yaml", "bomb.yaml").refused())
                .singleElement().satisfies(refused -> assertThat(refused.reason()).contains("YAML bomb"));
    }

    @Test
    void anOversizedFileIsRefusedWithoutBeingRead(@TempDir Path folder) throws IOException {
        var small = new ManifestReader(1024);
        var file = folder.resolve("huge.yaml");
        Files.writeString(file, "kind: Namespace\nmetadata: {name: x}\n# " + "x".repeat(4096) + "\n");

        assertThatThrownBy(() -> small.read(file, "huge.yaml"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("larger than the limit");
    }

    @Test
    void emptyFilesWrongFormatsAndObjectsWithoutKindAreRefused(@TempDir Path folder) throws IOException {
        var binary = folder.resolve("image.yaml");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2});

        assertThatThrownBy(() -> reader.parse("", "empty.yaml", "empty.yaml")).hasMessageContaining("empty");
        assertThat(refusal("just a string", "s.yaml")).contains("not a Kubernetes object");
        assertThat(refusal("{\"Controls\": [], \"Totals\": {}}", "kube-bench.json")).contains("no 'kind'");
        assertThat(refusal("kind: Pod\nmetadata: {}\n", "p.yaml")).contains("without metadata.name");
        assertThatThrownBy(() -> reader.read(binary, "image.yaml")).hasMessageContaining("not a text file");
        assertThatThrownBy(() -> reader.files(folder.resolve("missing"))).hasMessageContaining("no such file");
    }

    @Test
    void aWorkloadWithoutAPodTemplateIsRefused() {
        assertThat(refusal("kind: Deployment\nmetadata: {name: x}\nspec: {replicas: 1}\n", "d.yaml"))
                .contains("has no pod template at spec.template");
        assertThat(refusal("kind: StatefulSet\nmetadata: {name: x}\nspec: {template: {metadata: {}}}\n", "s.yaml"))
                .contains("has no pod spec at spec.template.spec");
    }

    private java.util.List<ManifestObject> parsed(String text, String fileName, String displayName) {
        var contents = reader.parse(text, fileName, displayName);
        assertThat(contents.refused()).isEmpty();
        return contents.objects();
    }

    private String refusal(String text, String fileName) {
        var contents = reader.parse(text, fileName, fileName);
        assertThat(contents.objects()).isEmpty();
        assertThat(contents.refused()).hasSize(1);
        return contents.refused().getFirst().reason();
    }
}
