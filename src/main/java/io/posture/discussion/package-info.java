/**
 * Discussion: comments on findings and remediation tasks, by the people who triage and fix them.
 * Comments are added, never edited or deleted, and each one is an audit event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discussion")
package io.posture.discussion;
