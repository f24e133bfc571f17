package io.posture.benchmark;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A benchmark as loaded from the catalogue. {@code latestVersion} is the Kubernetes policy version
 * its rules are evaluated at; {@code edition} is the benchmark's own version as its authors number
 * it (CIS v1.12); {@code reportTool} names the tool whose reports decide its controls without a
 * rule (kube-bench, docker-bench), or is null.
 */
public record Benchmark(String id, String title, String description, String edition, PolicyVersion latestVersion,
                        String reportTool, boolean custom, List<Section> sections) {

    public Stream<Control> controls() {
        return sections.stream().flatMap(section -> section.controls().stream());
    }

    public Optional<Control> control(String controlId) {
        return controls().filter(control -> control.id().equals(controlId)).findFirst();
    }

    /** The control with this id in the current edition, or the one that had it in an earlier edition. */
    public Optional<Control> controlByAlias(String editionVersion, String controlId) {
        return controls().filter(control -> controlId.equals(control.aliases().get(editionVersion))).findFirst()
                .or(() -> control(controlId));
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(section -> section.id().equals(sectionId)).findFirst();
    }
}
