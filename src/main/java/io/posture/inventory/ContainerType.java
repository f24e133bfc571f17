package io.posture.inventory;

public enum ContainerType {
    INIT("initContainers"), APP("containers"), EPHEMERAL("ephemeralContainers");

    private final String specField;

    ContainerType(String specField) {
        this.specField = specField;
    }

    public String specField() {
        return specField;
    }
}
