package io.posture.inventory.internal;

/** An image a cluster's container runs, with the reference the container names it by. */
public record ReferencedImage(String reference, ImageEntity image) {
}
