package io.posture.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.posture.collect.ClusterConnections;
import io.posture.collect.CollectionRuns;
import io.posture.collect.ConnectionViews.ConnectionForm;
import io.posture.collect.ConnectionViews.ConnectionKind;
import io.posture.collect.RunStatus;
import io.posture.security.Roles;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a unit test: run with {@code mvn -Pbenchmark verify} (heap capped at 512 MB). Fills Fabric8's
 * mock API server with {@code posture.bench.pods} pods (default 10,000) in 100 namespaces, collects
 * the cluster live, and prints the collection time and the peak heap. The mock server runs in the
 * same JVM and holds every pod itself, so the peak overstates what Posture alone needs.
 */
@SpringBootTest(properties = {"posture.credentials.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "posture.collect.page-size=500"})
@EnableKubernetesMockClient(crud = true, https = false)
class LiveCollectionBenchmark {

    private static final int PODS = Integer.getInteger("posture.bench.pods", 10_000);
    private static final int NAMESPACES = 100;

    KubernetesClient kubernetes;
    KubernetesMockServer server;

    @Autowired
    ClusterConnections connections;
    @Autowired
    CollectionRuns runs;

    @Test
    void collectAGeneratedCluster() throws InterruptedException {
        IntStream.range(0, NAMESPACES).forEach(n -> kubernetes.resource(new NamespaceBuilder().withNewMetadata()
                .withName("ns-" + n).addToLabels("team", "team-" + n % 12).endMetadata().build()).create());
        IntStream.range(0, PODS).parallel().forEach(p -> kubernetes.resource(new PodBuilder().withNewMetadata()
                .withName("pod-" + p).withNamespace("ns-" + p % NAMESPACES).addToLabels("app", "app-" + p).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("registry.example.com/app-" + p + ":1.0." + p)
                .withNewSecurityContext().withPrivileged(p % 4 == 0).withRunAsNonRoot(p % 3 == 0).endSecurityContext()
                .addNewPort().withContainerPort(8080).endPort().endContainer()
                .addNewContainer().withName("sidecar").withImage("registry.example.com/proxy:2").endContainer().endSpec().build()).create());
        SignedIn.bindTo(org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy());
        long id = SignedIn.as("admin", Roles.ADMIN, () -> connections.save(new ConnectionForm("bench-live", "prod", ConnectionKind.TOKEN,
                server.url("/").replaceAll("/$", ""), null, "bench-token", null, ClusterConnections.HOURLY)));
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        long started = System.nanoTime();
        long runId = SignedIn.as("admin", Roles.ADMIN, () -> connections.collectNow(id));
        while (!connections.running().isEmpty()) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        var run = runs.page(PageRequest.of(0, 10)).getContent().stream().filter(summary -> summary.id() == runId).findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "%nBENCHMARK live collection: %d pods in %d namespaces -> %d objects read, %d stored, "
                        + "evaluated and reconciled in %.1f s (%.0f pods/s), peak heap %d MB, max heap %d MB; %s%n%n",
                PODS, NAMESPACES, run.objectsRead(), run.objectsStored(), seconds, PODS / seconds, peakHeap / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), run.kindCounts());
    }
}
