package io.posture.security;

/**
 * What a user may do. Roles are not ranked: a compliance officer may export evidence but not
 * approve exceptions, an administrator manages users and connections but triages nothing.
 * Use the {@link Roles} constants in access annotations.
 */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Triages findings, comments, works remediation tasks. */
    ENGINEER,
    /** Assigns work, sets SLAs, approves exceptions, imports manifests. */
    SECURITY_MANAGER,
    /** Attests manual controls, exports evidence. */
    COMPLIANCE_OFFICER,
    /** Manages users, connections and settings, imports manifests. */
    ADMIN;

    /** Role names sorted and comma-separated, as stored and audited. */
    public static String join(java.util.Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }
}
