package io.posture.scoring.internal;

import io.posture.benchmark.ControlStatus;

public record ControlStatusCount(String controlId, ControlStatus status, long count) {
}
