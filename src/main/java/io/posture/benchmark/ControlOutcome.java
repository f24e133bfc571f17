package io.posture.benchmark;

import java.util.List;

/** The result of one control on one subject, with the evidence that decided it. */
public record ControlOutcome(Control control, ControlStatus status, List<Evidence> evidence) {
}
