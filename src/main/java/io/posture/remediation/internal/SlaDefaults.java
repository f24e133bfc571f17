package io.posture.remediation.internal;

import io.posture.benchmark.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.Map;

/** Configured days to fix a finding, per severity ({@code posture.remediation.sla.*}); defaults 7 / 30 / 90 / 180. */
@ConfigurationProperties("posture.remediation")
public record SlaDefaults(Map<Severity, Integer> sla) {

    private static final Map<Severity, Integer> DEFAULTS = Map.of(
            Severity.CRITICAL, 7, Severity.HIGH, 30, Severity.MEDIUM, 90, Severity.LOW, 180);

    public SlaDefaults {
        var merged = new EnumMap<Severity, Integer>(DEFAULTS);
        if (sla != null) {
            sla.forEach((severity, days) -> {
                if (days == null || days < 1) {
                    throw new IllegalArgumentException("posture.remediation.sla." + severity + " must be at least 1 day");
                }
                merged.put(severity, days);
            });
        }
        sla = Map.copyOf(merged);
    }

    public int days(Severity severity) {
        return sla.get(severity);
    }
}
