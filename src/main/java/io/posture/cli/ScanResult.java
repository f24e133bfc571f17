package io.posture.cli;

import io.posture.benchmark.Control;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One control on one resource of a scan, with the file and the line its document starts on;
 * {@code file} is null (and {@code line} 0) for the cluster as a whole.
 */
record ScanResult(String file, int line, String kind, String namespace, String name, Control control, ControlStatus evaluated,
                  List<Evidence> evidence, ScanExceptions.Entry exception) {

    static ScanResult of(String file, int line, String kind, String namespace, String name, Control control, ControlStatus status,
                         List<Evidence> evidence, ScanExceptions exceptions, String benchmarkId, LocalDate today) {
        var label = label(kind, namespace, name);
        var exception = status == ControlStatus.FAIL ? exceptions.explaining(benchmarkId, control.id(), label, today).orElse(null)
                : null;
        return new ScanResult(file, line, kind, namespace, name, control, status, evidence, exception);
    }

    /** "Kind namespace/name", or "Kind name" for a cluster-scoped one: as the table shows it and an exception names it. */
    static String label(String kind, String namespace, String name) {
        return kind + " " + (namespace == null || namespace.isEmpty() ? name : namespace + "/" + name);
    }

    ControlStatus status() {
        return exception != null ? ControlStatus.EXCEPTED : evaluated;
    }

    String resourceLabel() {
        return label(kind, namespace, name);
    }

    /** Objects with one name in different files are different objects. */
    String resourceKey() {
        return file + "|" + resourceLabel();
    }

    Map<String, Object> toJson() {
        var resource = new LinkedHashMap<String, Object>();
        resource.put("kind", kind);
        resource.put("namespace", namespace);
        resource.put("name", name);
        var json = new LinkedHashMap<String, Object>();
        json.put("resource", resource);
        json.put("file", file);
        if (line > 0) {
            json.put("line", line);
        }
        json.put("control", control.id());
        json.put("title", control.title());
        json.put("severity", control.severity().name());
        json.put("status", status().name());
        json.put("evidence", evidence);
        if (exception != null) {
            json.put("exception", Map.of("reason", exception.reason(), "reviewedBy", exception.reviewedBy(),
                    "reviewedOn", exception.reviewedOn().toString()));
        }
        return json;
    }
}
