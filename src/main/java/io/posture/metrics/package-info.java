/**
 * Metrics for operators: Posture's own gauges (score and coverage per cluster and benchmark, active
 * findings by severity, overdue tasks, collection runs by status) and the duration of each
 * collection run, exposed by Actuator's Prometheus endpoint through Micrometer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics")
package io.posture.metrics;
