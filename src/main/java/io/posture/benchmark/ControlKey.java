package io.posture.benchmark;

/**
 * A control's global identity: its id is unique only within its benchmark (Image trust 3.1 and
 * CIS Docker 3.1 are different checks). Findings, exceptions and exports key controls by this.
 */
public record ControlKey(String benchmarkId, String controlId) {

    /** As the API and the CLI write it: {@code image-trust/3.1}. */
    @Override
    public String toString() {
        return benchmarkId + "/" + controlId;
    }
}
