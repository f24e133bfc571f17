/**
 * The estate as last seen: clusters, namespaces, workloads with their pod templates and
 * containers, service accounts, RBAC and network policies, each keyed by a stable identity
 * (cluster + kind + namespace + name) with first-seen and last-seen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package io.posture.inventory;
