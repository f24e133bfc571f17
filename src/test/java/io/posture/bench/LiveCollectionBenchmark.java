package io.posture.bench;

import io.posture.collect.ClusterConnections;
import io.posture.collect.CollectionRuns;
import io.posture.collect.ConnectionViews.ConnectionForm;
import io.posture.collect.ConnectionViews.ConnectionKind;
import io.posture.collect.RunStatus;
import io.posture.security.Roles;
import io.posture.support.GeneratedCluster;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolder;


import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a unit test: run with {@code mvn -Pbenchmark verify -Dtest=LiveCollectionBenchmark} (heap capped
 * at 512 MB). For each size in {@code posture.bench.pods} (default 2,000, 10,000 and 20,000 pods in
 * 100 namespaces, 50 nodes) it serves a generated cluster from Fabric8's mock server, page by page
 * (nothing held in memory by the server), collects it live, and prints the collection time, the time
 * including scoring and findings, and the live heap (heap in use right after a full collection, forced
 * every 2 s: this slows the run a little) while collecting and while scoring: a flat figure across
 * sizes is the proof of streaming.
 */
@SpringBootTest(properties = {"posture.credentials.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "posture.collect.page-size=500",
        // on disk, as in production: the tests' in-memory database would put every stored row in the heap measured
        "spring.datasource.url=jdbc:h2:file:./target/benchmark/posture-${random.uuid}"})
class LiveCollectionBenchmark {

    private static final int NAMESPACES = 100;
    private static final int NODES = 50;
    private static final int PAGE = 500;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);

    @Autowired
    ClusterConnections connections;
    @Autowired
    CollectionRuns runs;

    @Test
    void collectGeneratedClustersOfGrowingSize() throws InterruptedException {
        SignedIn.bindTo(SecurityContextHolder.getContextHolderStrategy());
        var sizes = Arrays.stream(System.getProperty("posture.bench.pods", "2000,10000,20000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        for (int pods : sizes) {
            try (var cluster = new GeneratedCluster(pods, NAMESPACES, NODES)) {
                measure(cluster, pods);
            }
        }
    }

    private void measure(GeneratedCluster cluster, int pods) throws InterruptedException {
        long id = SignedIn.as("admin", Roles.ADMIN, () -> connections.save(new ConnectionForm("bench-" + pods, "prod",
                ConnectionKind.TOKEN, cluster.url(), null, "bench-token", null, ClusterConnections.HOURLY)));
        var samples = new ConcurrentLinkedQueue<long[]>();
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                // a full collection first: what is left is what the application still holds
                System.gc();
                samples.add(new long[] {System.currentTimeMillis(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()});
                try {
                    Thread.sleep(SAMPLE_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        long started = System.nanoTime();
        long runId = SignedIn.as("admin", Roles.ADMIN, () -> connections.collectNow(id));
        while (!connections.running().isEmpty()) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();

        var run = runs.page(PageRequest.of(0, 10)).getContent().stream().filter(summary -> summary.id() == runId).findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(cluster.largestAnswer()).as("the server answered page by page").isLessThanOrEqualTo(PAGE);
        double collectSeconds = Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
        long collectedAt = run.finishedAt().toEpochMilli();
        long liveWhileCollecting = samples.stream().filter(sample -> sample[0] <= collectedAt).mapToLong(sample -> sample[1]).max().orElse(0);
        long liveWhileScoring = samples.stream().filter(sample -> sample[0] > collectedAt).mapToLong(sample -> sample[1]).max().orElse(0);
        System.out.printf(Locale.ROOT, "%nBENCHMARK live collection: %,d pods, %d namespaces, %d nodes -> %,d objects read in %d list "
                        + "requests (largest answer %d); collected in %.1f s (%.0f objects/s), with scoring and findings %.1f s; "
                        + "live heap at most %d MB while collecting, %d MB while scoring (%d samples); max heap %d MB%n%n",
                pods, NAMESPACES, NODES, run.objectsRead(), cluster.listRequests(), cluster.largestAnswer(), collectSeconds,
                run.objectsRead() / collectSeconds, seconds, liveWhileCollecting >> 20, liveWhileScoring >> 20, samples.size(),
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
