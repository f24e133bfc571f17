package io.posture.security;

/** Role names as compile-time constants, for {@code @RolesAllowed} and {@code @PreAuthorize}. */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String ENGINEER = "ENGINEER";
    public static final String SECURITY_MANAGER = "SECURITY_MANAGER";
    public static final String COMPLIANCE_OFFICER = "COMPLIANCE_OFFICER";
    public static final String ADMIN = "ADMIN";

    /** Who may change the inventory by importing or collecting. */
    public static final String CAN_IMPORT = "hasAnyRole('" + ADMIN + "', '" + SECURITY_MANAGER + "')";

    /** Who may define custom benchmarks and choose the benchmarks of a cluster. */
    public static final String CAN_CONFIGURE_BENCHMARKS = "hasAnyRole('" + ADMIN + "', '" + SECURITY_MANAGER + "', '"
            + COMPLIANCE_OFFICER + "')";

    /** Who may triage findings, comment and work tasks. */
    public static final String CAN_TRIAGE = "hasAnyRole('" + ENGINEER + "', '" + SECURITY_MANAGER + "')";

    /** Who may export evidence. */
    public static final String CAN_EXPORT = "hasRole('" + COMPLIANCE_OFFICER + "')";

    private Roles() {
    }
}
