package io.posture.scoring;

import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.BenchmarkRef;
import io.posture.scoring.internal.ClusterBenchmarkEntity;
import io.posture.scoring.internal.ClusterBenchmarkRepository;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;

/**
 * Which benchmarks are evaluated on which cluster. Without a choice for a cluster, the configured
 * default list ({@code posture.scoring.benchmarks}) and every custom benchmark apply.
 */
@Service
public class BenchmarkSelection {

    /** A benchmark as evaluated on a cluster: at its pinned or latest policy version. */
    public record Selected(Benchmark benchmark, BenchmarkRef ref, boolean enabled, boolean byDefault) {
    }

    private final BenchmarkCatalog catalog;
    private final ClusterBenchmarkRepository choices;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final List<BenchmarkRef> defaults;

    /** A cluster's benchmarks changed: its scores must be recomputed. */
    public record Changed(long clusterId) {
    }

    BenchmarkSelection(BenchmarkCatalog catalog, ClusterBenchmarkRepository choices, AuditLog audit,
                       ApplicationEventPublisher events,
                       @Value("${posture.scoring.benchmarks:pss-baseline,pss-restricted,cis-kubernetes,cis-docker,image-trust}") List<String> defaults) {
        this.catalog = catalog;
        this.choices = choices;
        this.audit = audit;
        this.events = events;
        this.defaults = defaults.stream().map(BenchmarkRef::parse).toList();
        this.defaults.forEach(ref -> catalog.get(ref.benchmarkId()));
    }

    /** Every benchmark of the catalogue with whether it is evaluated on the cluster. */
    @Transactional(readOnly = true)
    public List<Selected> forCluster(long clusterId) {
        var chosen = new HashMap<String, Boolean>();
        choices.findByClusterId(clusterId).forEach(choice -> chosen.put(choice.getBenchmarkId(), choice.isEnabled()));
        return catalog.all().stream().map(benchmark -> {
            var ref = defaults.stream().filter(candidate -> candidate.benchmarkId().equals(benchmark.id())).findFirst()
                    .orElse(new BenchmarkRef(benchmark.id(), null));
            var byDefault = benchmark.custom() || defaults.contains(ref);
            return new Selected(benchmark, ref, chosen.getOrDefault(benchmark.id(), byDefault), byDefault);
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<Selected> enabledFor(long clusterId) {
        return forCluster(clusterId).stream().filter(Selected::enabled).toList();
    }

    /** Docker hosts belong to no cluster: the default list decides for them. */
    public boolean enabledByDefault(String benchmarkId) {
        return catalog.find(benchmarkId).map(benchmark -> benchmark.custom()
                || defaults.stream().anyMatch(ref -> ref.benchmarkId().equals(benchmarkId))).orElse(false);
    }

    @PreAuthorize(Roles.CAN_CONFIGURE_BENCHMARKS)
    @Transactional
    public void setEnabled(long clusterId, String clusterName, String benchmarkId, boolean enabled) {
        catalog.get(benchmarkId);
        var key = new ClusterBenchmarkEntity.Key(clusterId, benchmarkId);
        var choice = choices.findById(key).orElseGet(() -> new ClusterBenchmarkEntity(clusterId, benchmarkId, enabled));
        var before = forCluster(clusterId).stream().filter(selected -> selected.benchmark().id().equals(benchmarkId))
                .findFirst().map(Selected::enabled).orElse(false);
        choice.setEnabled(enabled);
        choices.save(choice);
        audit.record("benchmark.selection", clusterName + "/" + benchmarkId, before ? "enabled" : "disabled",
                enabled ? "enabled" : "disabled", null);
        events.publishEvent(new Changed(clusterId));
    }
}
