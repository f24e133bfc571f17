package io.posture.shared;

/**
 * Bounds on the shape of an input document, checked while it is read so that no file can make
 * Posture build more than it can hold: the number of values in a file, the items of one list or
 * keys of one map, the length of one text value, the depth of nesting and the aliases to
 * collections. A file past a bound is refused with the bound's name, not truncated.
 */
public record InputLimits(int maxValues, int maxListItems, int maxScalarLength, int maxNesting, int maxAliases) {

    /**
     * Room for 20,000 objects in one file (as large as a {@code kubectl get -o yaml} of a big
     * cluster's Deployments) and values as long as Kubernetes lets an annotation be (256 KiB),
     * while a hostile file stays far below what the heap holds.
     */
    public static final InputLimits MANIFESTS = new InputLimits(3_000_000, 20_000, 1024 * 1024, 64, 20);

    public void checkListItems(int items, String where) {
        if (items > maxListItems) {
            throw new LimitExceeded(where + " has more than " + String.format(java.util.Locale.ROOT, "%,d", maxListItems)
                    + " items");
        }
    }

    public void checkScalar(int length, String where) {
        if (length > maxScalarLength) {
            throw new LimitExceeded(where + " holds a value of " + String.format(java.util.Locale.ROOT, "%,d", length)
                    + " characters, more than the " + String.format(java.util.Locale.ROOT, "%,d", maxScalarLength) + " allowed");
        }
    }

    /** An input past one of the bounds; the message names the bound and where it was passed. */
    public static final class LimitExceeded extends RuntimeException {
        public LimitExceeded(String message) {
            super(message);
        }
    }
}
