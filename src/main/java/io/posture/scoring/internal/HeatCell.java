package io.posture.scoring.internal;

public record HeatCell(long clusterId, String controlId, long failed, long evaluated) {
}
