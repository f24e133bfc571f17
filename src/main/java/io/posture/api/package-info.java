/**
 * The HTTP API under {@code /api/v1} for pipelines and other tools, signed in with API tokens and
 * held to the same permission checks as the pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API")
package io.posture.api;
