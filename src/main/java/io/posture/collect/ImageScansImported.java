package io.posture.collect;

import java.util.List;

/** Scan reports replaced the vulnerabilities of these images: the clusters running them are evaluated again. */
public record ImageScansImported(List<Long> imageIds) {
}
