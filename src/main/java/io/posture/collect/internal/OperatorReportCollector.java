package io.posture.collect.internal;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.posture.inventory.ImageViews.ScanReport;
import io.posture.shared.Sha256;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Trivy Operator's VulnerabilityReports from a cluster (read-only {@code list}), so that a user running the
 * operator sees its scans in Posture without etcd being the database. A cluster without the operator answers 404 and
 * is simply without them; a collector role without the rule answers 403 and the run says so.
 */
final class OperatorReportCollector {

    /** Named in full, so that no API discovery is needed: a cluster without the operator then simply answers 404. */
    private static final ResourceDefinitionContext REPORTS = new ResourceDefinitionContext.Builder()
            .withGroup("aquasecurity.github.io").withVersion("v1alpha1").withKind("VulnerabilityReport")
            .withPlural("vulnerabilityreports").withNamespaced(true).build();

    /** What was read: the scans, the reports that could not be read, and one line for the run's message (null: nothing to say). */
    record Outcome(List<ScanReport> scans, int unreadable, String note, String sha256) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final int pageSize;

    OperatorReportCollector(int pageSize) {
        this.pageSize = pageSize;
    }

    Outcome collect(KubernetesClient client) {
        var scans = new ArrayList<ScanReport>();
        var digest = Sha256.digest();
        int unreadable = 0;
        String continueToken = null;
        try {
            do {
                var page = client.genericKubernetesResources(REPORTS).inAnyNamespace()
                        .list(new ListOptionsBuilder().withLimit((long) pageSize).withContinue(continueToken).build());
                for (var item : page.getItems()) {
                    var text = client.getKubernetesSerialization().asJson(item);
                    digest.update(text.getBytes(StandardCharsets.UTF_8));
                    try {
                        scans.add(TrivyOperatorReport.read(json.readTree(text)));
                    } catch (RuntimeException e) {
                        // ManifestException for a malformed report; whatever else one item does, the others are read
                        unreadable++;
                    }
                }
                continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
            } while (continueToken != null && !continueToken.isEmpty());
        } catch (KubernetesClientException e) {
            return switch (e.getCode()) {
                case 404 -> new Outcome(List.of(), 0, null, null);
                case 401, 403 -> new Outcome(List.of(), 0, "Trivy Operator VulnerabilityReports not visible (the collector role "
                        + "does not list them; see docs/collectors.md)", null);
                default -> new Outcome(List.copyOf(scans), unreadable, "Trivy Operator VulnerabilityReports could not all be read ("
                        + (e.getCode() > 0 ? "HTTP " + e.getCode() : JsonShape.abbreviate(String.valueOf(e.getMessage()))) + "); those read were kept",
                        Sha256.hex(digest));
            };
        }
        if (scans.isEmpty() && unreadable == 0) {
            return new Outcome(List.of(), 0, null, null);
        }
        return new Outcome(List.copyOf(scans), unreadable, scans.size() + " Trivy Operator vulnerability "
                + (scans.size() == 1 ? "report" : "reports") + " stored as image scans"
                + (unreadable == 0 ? "" : ", " + unreadable + " unreadable"), Sha256.hex(digest));
    }
}
