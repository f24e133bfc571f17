package io.posture.inventory.internal;

import io.posture.shared.ImageReference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The images a set of references may resolve to, loaded in a few bulk queries (with their tags),
 * and kept up to date as new ones are created: resolving a large cluster's containers then costs
 * no query per container.
 */
public final class KnownImages {

    private static final int CHUNK = 500;

    private final Map<String, List<ImageEntity>> byDigest = new HashMap<>();
    private final Map<String, ImageEntity> byIdentity = new HashMap<>();
    private final Map<String, ImageEntity> byTag = new HashMap<>();

    public static KnownImages load(ImageRepository images, Collection<ImageReference> references, Collection<String> digests) {
        var known = new KnownImages();
        var identities = new HashSet<String>();
        var repositories = new HashSet<String>();
        for (var reference : references) {
            var tag = reference.tag() != null ? reference.tag() : reference.digest() == null ? "latest" : null;
            identities.add(ImageEntity.identity(reference.registry(), reference.repository(), null, tag));
            repositories.add(reference.registry() + "/" + reference.repository());
        }
        chunked(new HashSet<>(digests), images::withDigests).forEach(known::remember);
        chunked(identities, images::withIdentities).forEach(known::remember);
        chunked(repositories, images::digestImagesOf).forEach(known::remember);
        return known;
    }

    public ImageEntity byDigest(ImageReference reference, String digest) {
        return byDigest.getOrDefault(digest, List.of()).stream()
                .filter(image -> image.getRegistry().equals(reference.registry()) && image.getRepository().equals(reference.repository()))
                .findFirst().orElse(null);
    }

    public ImageEntity byIdentity(String identity) {
        return byIdentity.get(identity);
    }

    /** A digest image the registry or a scan saw with this tag. */
    public ImageEntity byTag(ImageReference reference, String tag) {
        return byTag.get(reference.registry() + "/" + reference.repository() + ":" + tag);
    }

    public ImageEntity remember(ImageEntity image) {
        byIdentity.put(image.getIdentity(), image);
        if (image.getDigest() != null) {
            var sameDigest = byDigest.computeIfAbsent(image.getDigest(), digest -> new ArrayList<>());
            if (!sameDigest.contains(image)) {
                sameDigest.add(image);
            }
            for (var tag : image.getTags()) {
                byTag.merge(image.getRegistry() + "/" + image.getRepository() + ":" + tag, image,
                        (first, second) -> first.getLastSeen().isAfter(second.getLastSeen()) ? first : second);
            }
        }
        return image;
    }

    public void forget(ImageEntity image) {
        byIdentity.remove(image.getIdentity());
    }

    private static List<ImageEntity> chunked(Collection<String> keys, Function<Collection<String>, List<ImageEntity>> query) {
        var all = new ArrayList<ImageEntity>();
        var list = new ArrayList<>(keys);
        for (int from = 0; from < list.size(); from += CHUNK) {
            all.addAll(query.apply(list.subList(from, Math.min(list.size(), from + CHUNK))));
        }
        return all;
    }
}
