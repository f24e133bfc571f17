package io.posture.remediation;

import io.posture.benchmark.Severity;
import io.posture.remediation.internal.SlaDefaults;
import io.posture.remediation.internal.SlaSettingEntity;
import io.posture.remediation.internal.SlaSettingRepository;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Days to fix a finding, per severity: what a security manager set in the settings page, else the
 * configured default. A change applies to tasks created from then on; existing due dates stay.
 */
@Service
@EnableConfigurationProperties(SlaDefaults.class)
public class SlaPolicy {

    static final int MAX_DAYS = 3650;

    private final SlaDefaults defaults;
    private final SlaSettingRepository settings;
    private final AuditLog audit;
    private final Clock clock;

    SlaPolicy(SlaDefaults defaults, SlaSettingRepository settings, AuditLog audit, Clock clock) {
        this.defaults = defaults;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public int days(Severity severity) {
        return settings.findById(severity).map(SlaSettingEntity::getDays).orElseGet(() -> defaults.days(severity));
    }

    /** Days per severity, most severe first. */
    @Transactional(readOnly = true)
    public Map<Severity, Integer> all() {
        var days = new EnumMap<Severity, Integer>(Severity.class);
        for (var severity : Severity.values()) {
            days.put(severity, defaults.days(severity));
        }
        settings.findAll().forEach(setting -> days.put(setting.getSeverity(), setting.getDays()));
        return days;
    }

    /** Sets the days for some severities; each change is an audit event with the reason given. */
    @PreAuthorize("hasRole('" + Roles.SECURITY_MANAGER + "')")
    @Transactional
    public void update(Map<Severity, Integer> days, String reason) {
        days.forEach((severity, value) -> {
            if (value == null || value < 1 || value > MAX_DAYS) {
                throw new IllegalArgumentException("The SLA for " + severity.name().toLowerCase(java.util.Locale.ROOT)
                        + " findings must be between 1 and " + MAX_DAYS + " days");
            }
        });
        days.forEach((severity, value) -> {
            var from = days(severity);
            if (from != value) {
                settings.findById(severity).ifPresentOrElse(
                        setting -> setting.set(value, AuditLog.currentActor(), clock.instant()),
                        () -> settings.save(new SlaSettingEntity(severity, value, AuditLog.currentActor(), clock.instant())));
                audit.record("SLA_CHANGED", "SLA " + severity.name(), from + " days", value + " days", reason);
            }
        });
    }
}
