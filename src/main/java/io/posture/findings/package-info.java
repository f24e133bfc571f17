/**
 * Findings: the unit of work, one per failing (control, resource), identified by a fingerprint
 * that stays the same across runs and re-imports. Reconciled after every evaluation: new
 * failures open findings, returning ones reopen (history kept), and only a COMPLETE run resolves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Findings")
package io.posture.findings;
