/**
 * Security of Posture itself: users stored in the database with hashed passwords, roles,
 * login lockout, the first administrator and the demo accounts, and the audit log of state
 * changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package io.posture.security;
