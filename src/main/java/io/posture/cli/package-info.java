/**
 * Headless commands for pipelines: {@code scan} evaluates manifest files against a benchmark
 * without a database or web server.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CLI")
package io.posture.cli;
