/**
 * Evidence for compliance officers: control results and findings as they stood at a moment, as
 * CSV and JSON, and a signed evidence package that {@code posture verify} checks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence")
package io.posture.evidence;
