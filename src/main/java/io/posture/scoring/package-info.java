/**
 * Scoring: evaluates the enabled benchmarks on the inventory after every collection run, keeps
 * a ControlResult per (control, resource) with its evidence, and a ScoreSnapshot per scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scoring")
package io.posture.scoring;
