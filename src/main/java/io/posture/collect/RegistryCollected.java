package io.posture.collect;

/** A registry collection stored what it found (signatures, configs, tags): image controls may have changed. */
public record RegistryCollected(String registryName, RunStatus status) {
}
