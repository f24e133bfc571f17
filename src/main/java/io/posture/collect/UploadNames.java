package io.posture.collect;

/** Names of uploaded files as Posture keeps them: the base name only, so a name can never point elsewhere. */
final class UploadNames {

    private UploadNames() {
    }

    /** The part after the last slash or backslash, with characters outside {@code A-Za-z0-9._-} replaced. */
    static String baseName(String uploadedName) {
        var name = uploadedName == null ? "" : uploadedName;
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The base name without its extension. */
    static String withoutExtension(String uploadedName) {
        var name = baseName(uploadedName);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A trusted file's content (the demo estate's reports), an I/O failure unchecked. */
    static byte[] contentOf(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
