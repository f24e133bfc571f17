/** Small, dependency-free helpers every module may use (safe YAML parsing). */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.posture.shared;
