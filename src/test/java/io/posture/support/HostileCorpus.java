package io.posture.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile manifest files, generated rather than committed (some are megabytes): each names the
 * class of attack and a word its refusal must contain. Not one of them may change the inventory.
 */
public final class HostileCorpus {

    private HostileCorpus() {
    }

    /** One hostile file: what it is, its name, its bytes and a word of the reason it is refused with. */
    public record Case(String attack, String fileName, byte[] content, String reason) {

        @Override
        public String toString() {
            return attack;
        }
    }

    public static List<Case> cases() {
        var cases = new ArrayList<Case>();
        add(cases, "YAML bomb", "bomb.yaml", bomb(), "YAML bomb");
        add(cases, "self-referencing alias", "alias.yaml", "kind: Pod\nmetadata: &m {name: x, self: *m}\nspec: {containers: []}\n",
                "refers to a node that contains it");
        add(cases, "deep nesting", "deep.yaml", "kind: Pod\nmetadata: {name: x}\nspec: " + "[".repeat(200) + "]".repeat(200) + "\n",
                "nested more than 64");
        add(cases, "a million containers", "wide.yaml",
                "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [" + "{}, ".repeat(1_000_000) + "{}]\n", "more than 20,000 items");
        add(cases, "a million containers, compact", "compact.yaml",
                "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [" + "{},".repeat(1_000_000) + "{}]\n", "without a space or line break");
        add(cases, "a 15 MB quoted scalar", "scalar.yaml",
                "kind: Pod\nmetadata: {name: p, annotations: {a: \"" + "x".repeat(15 * 1024 * 1024) + "\"}}\nspec: {containers: []}\n",
                "without a space or line break");
        add(cases, "containers: 5", "int.yaml", pod("containers: 5"), "expected a list");
        add(cases, "hostNetwork: 'yes'", "string-bool.yaml", pod("containers: [{name: a, image: b}], hostNetwork: 'yes'"), "expected a boolean");
        add(cases, "securityContext: 'x'", "string-object.yaml", pod("containers: [{name: a, image: b, securityContext: 'x'}]"),
                "expected an object");
        add(cases, "runAsUser past 64 bits", "huge-int.yaml",
                pod("containers: [{name: a, image: b}], securityContext: {runAsUser: 99999999999999999999999999}"), "outside");
        add(cases, "a tab in the indentation", "tab.yaml", "kind: Pod\n\tmetadata: {name: tab}\n", "malformed YAML");
        add(cases, "duplicate keys", "duplicate.yaml", "kind: Pod\nmetadata: {name: a, name: b}\nspec: {containers: []}\n", "twice");
        add(cases, "a custom tag", "tag.yaml", "kind: Pod\nmetadata: !!javax.script.ScriptEngineManager {name: x}\n", "does not read");
        add(cases, "no kind", "nokind.yaml", "metadata: {name: x}\n", "no 'kind'");
        add(cases, "no name", "noname.yaml", "kind: Pod\nmetadata: {}\n", "without metadata.name");
        add(cases, "a name longer than Kubernetes allows", "long-name.yaml",
                "kind: Namespace\nmetadata: {name: " + "n".repeat(300) + "}\n", "more than the 253 allowed");
        add(cases, "a scalar document", "scalar-doc.yaml", "just a string\n", "not a Kubernetes object");
        add(cases, "JSON nested too deep", "deep.json", "[".repeat(2_000) + "]".repeat(2_000), "refused");
        add(cases, "JSON with a 2 MB string", "long.json",
                "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}", "refused");
        cases.add(new Case("binary junk", "junk.yaml", new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80}, "not a text file"));
        add(cases, "empty", "empty.yaml", "", "empty");
        return cases;
    }

    private static String pod(String spec) {
        return "kind: Pod\nmetadata: {name: p, namespace: hostile}\nspec: {" + spec + "}\n";
    }

    private static String bomb() {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            var previous = (char) (level - 1);
            text.append(level).append(": &").append(level).append(" [").append(("*" + previous + ",").repeat(8))
                    .append('*').append(previous).append("]\n");
        }
        return text.append("kind: Pod\nmetadata: {name: boom}\n").toString();
    }

    private static void add(List<Case> cases, String attack, String fileName, String content, String reason) {
        cases.add(new Case(attack, fileName, content.getBytes(StandardCharsets.UTF_8), reason));
    }
}
