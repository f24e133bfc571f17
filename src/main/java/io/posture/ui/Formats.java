package io.posture.ui;

import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.Severity;
import com.vaadin.flow.component.html.Span;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How scores, severities, statuses and times look everywhere in the UI. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String score(Double score) {
        return score == null ? "—" : String.format(Locale.ROOT, "%.0f", Math.floor(score));
    }

    /** A count with thousands separators: 10,150. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f%%", value);
    }

    public static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** Evidence on one line: each field path with the value observed there. */
    public static String evidence(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::toString).collect(Collectors.joining("; "));
    }

    /** How long ago: "today", "1 day", "12 days". */
    public static String age(Instant instant, Instant now) {
        if (instant == null) {
            return "—";
        }
        long days = java.time.Duration.between(instant, now).toDays();
        return days <= 0 ? "today" : days == 1 ? "1 day" : days + " days";
    }

    /** A vulnerability severity (CRITICAL … LOW, UNKNOWN) as the same pills as control severities. */
    public static Span vulnerabilitySeverityBadge(String severity) {
        var known = severity != null && List.of("CRITICAL", "HIGH", "MEDIUM", "LOW").contains(severity);
        var badge = new Span(severity == null ? "unknown" : severity.toLowerCase(Locale.ROOT));
        badge.addClassNames("pill", known ? "severity-" + severity.toLowerCase(Locale.ROOT) : "pill-none");
        return badge;
    }

    /** A digest shortened for a grid cell: sha256:1a2b3c4d5e6f. */
    public static String shortDigest(String digest) {
        return digest == null ? "—" : digest.length() > 19 ? digest.substring(0, 19) : digest;
    }

    public static Span scoreBadge(Double score) {
        var badge = new Span(score(score));
        badge.addClassNames("score", score == null ? "score-none" : score >= 90 ? "score-good" : score >= 70 ? "score-fair" : "score-poor");
        return badge;
    }

    public static Span severityBadge(Severity severity) {
        var badge = new Span(severity == null ? "—" : severity.name().toLowerCase(Locale.ROOT));
        badge.addClassNames("pill", severity == null ? "pill-none" : "severity-" + severity.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    public static Span statusBadge(ControlStatus status) {
        var label = switch (status) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case MANUAL -> "manual";
            case NOT_APPLICABLE -> "n/a";
            case UNKNOWN -> "unknown";
            case EXCEPTED -> "excepted";
            case PROVIDER_MANAGED -> "provider-managed";
        };
        var badge = new Span(label);
        badge.addClassNames("pill", "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return badge;
    }
}
