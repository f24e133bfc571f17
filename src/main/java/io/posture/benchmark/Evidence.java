package io.posture.benchmark;

/** The field that decided a control result and the value observed there. */
public record Evidence(String path, String observed) {

    @Override
    public String toString() {
        return path + " = " + observed;
    }
}
