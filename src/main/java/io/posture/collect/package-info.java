/**
 * Collection: reading sources (manifest files, live clusters, registries, scan reports) into the
 * inventory. Every pass is a CollectionRun that ends COMPLETE, PARTIAL or FAILED and says, per
 * file or kind, what it could not read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collection")
package io.posture.collect;
