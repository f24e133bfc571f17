package io.posture.collect;

/** Published as a live collection advances and when it ends, so that pages can update their progress bars. */
public record CollectionProgressed(ConnectionViews.Progress progress) {
}
