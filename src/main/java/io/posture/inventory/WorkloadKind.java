package io.posture.inventory;

import java.util.Arrays;
import java.util.Optional;

/** Kinds that run pods, with where each keeps its pod template. */
public enum WorkloadKind {
    Deployment("spec.template"),
    StatefulSet("spec.template"),
    DaemonSet("spec.template"),
    Job("spec.template"),
    CronJob("spec.jobTemplate.spec.template"),
    Pod("");

    private final String templatePath;

    WorkloadKind(String templatePath) {
        this.templatePath = templatePath;
    }

    public static Optional<WorkloadKind> of(String kind) {
        return Arrays.stream(values()).filter(value -> value.name().equals(kind)).findFirst();
    }

    /** Path of the pod template inside the object; empty for a Pod, which is its own template. */
    public String templatePath() {
        return templatePath;
    }

    /** Path of the pod spec inside the object: {@code spec} for a Pod, {@code spec.template.spec} for a Deployment. */
    public String specPath() {
        return templatePath.isEmpty() ? "spec" : templatePath + ".spec";
    }

    /** Path of the pod metadata inside the object. */
    public String metadataPath() {
        return templatePath.isEmpty() ? "metadata" : templatePath + ".metadata";
    }
}
