package io.posture.cli;

import java.nio.file.Path;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;

/**
 * The report tests' fixture: a privileged Deployment that adds NET_RAW (its document after a Namespace,
 * so it starts on line 4 of {@code manifests/all.yaml}) and a reviewed exception for CIS 5.2.2 on it,
 * which explains PSS Baseline's {@code privileged} too (the same problem) but not its capabilities.
 */
record ReviewedScan(Path manifests, Path exceptions) {

    static ReviewedScan in(Path folder) {
        var manifests = folder.resolve("manifests");
        write(manifests, "all.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                """ + deployment("shop", "api", "shop/api:1", "{privileged: true, capabilities: {add: [NET_RAW]}}"));
        var exceptions = write(folder.resolve("review"), "exceptions.yaml", """
                - {benchmark: cis-kubernetes, control: "5.2.2", resource: Deployment shop/api, reason: a node agent,
                   reviewedBy: dana, reviewedOn: "2026-11-30"}
                """);
        return new ReviewedScan(manifests, exceptions);
    }

    /** The scan's arguments in this format: both benchmarks, with the exceptions file. */
    String[] arguments(String format) {
        return new String[]{manifests.toString(), "--benchmark", "pss-baseline,cis-kubernetes", "--format", format,
                "--exceptions", exceptions.toString()};
    }
}
