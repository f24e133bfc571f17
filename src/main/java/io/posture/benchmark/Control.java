package io.posture.benchmark;

import java.util.List;

/**
 * One control of a benchmark. {@code since} is the policy version from which the control applies;
 * {@code overrides} names controls this one replaces wherever it applies (a stricter variant).
 */
public record Control(String id, String sectionId, String title, Severity severity, String rule,
                      PolicyVersion since, List<String> overrides, String rationale, String remediation) {
}
