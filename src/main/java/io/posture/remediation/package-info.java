/**
 * Remediation: tasks that group findings, with an assignee, a team and a due date from the SLA
 * of their most severe finding. A task closes itself when all its findings are resolved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Remediation")
package io.posture.remediation;
