/**
 * Collection: reading sources (manifest files now, live clusters and registries later) into the
 * inventory. Every pass is a CollectionRun that ends COMPLETE, PARTIAL or FAILED and says, per
 * file or kind, what it could not read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collection")
package io.posture.collect;
