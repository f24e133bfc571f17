package io.posture.benchmark;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A benchmark as loaded from the catalogue, with the policy version it is evaluated at. */
public record Benchmark(String id, String title, String description, PolicyVersion latestVersion,
                        List<Section> sections) {

    public Stream<Control> controls() {
        return sections.stream().flatMap(section -> section.controls().stream());
    }

    public Optional<Control> control(String controlId) {
        return controls().filter(control -> control.id().equals(controlId)).findFirst();
    }
}
