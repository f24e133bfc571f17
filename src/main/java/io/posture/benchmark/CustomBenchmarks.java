package io.posture.benchmark;

import io.posture.benchmark.internal.CustomBenchmarkEntity;
import io.posture.benchmark.internal.CustomBenchmarkRepository;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Benchmarks users define as YAML over the built-in rules. A file is validated completely before
 * anything is stored: a bad one changes nothing and every problem is reported with its line.
 */
@Service
public class CustomBenchmarks {

    private static final Logger log = LoggerFactory.getLogger(CustomBenchmarks.class);
    public static final int MAX_FILE_BYTES = 256 * 1024;

    private final CustomBenchmarkRepository stored;
    private final BenchmarkCatalog catalog;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomBenchmarks(CustomBenchmarkRepository stored, BenchmarkCatalog catalog, AuditLog audit,
                     ApplicationEventPublisher events, Clock clock) {
        this.stored = stored;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        loadStored();
    }

    /** Validates and stores a benchmark; replaces an earlier upload with the same id. */
    @PreAuthorize(Roles.CAN_CONFIGURE_BENCHMARKS)
    @Transactional
    public Benchmark upload(byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            throw new BenchmarkDefinitionException(java.util.List.of(new BenchmarkDefinitionException.Problem(1,
                    "the file is " + content.length / 1024 + " KB; a benchmark definition may be at most " + MAX_FILE_BYTES / 1024 + " KB")));
        }
        var yaml = new String(content, StandardCharsets.UTF_8);
        var benchmark = catalog.parseCustom(yaml);
        var actor = AuditLog.currentActor();
        var existing = stored.findById(benchmark.id());
        existing.ifPresentOrElse(entity -> entity.replace(benchmark.title(), yaml, actor, clock.instant()),
                () -> stored.save(new CustomBenchmarkEntity(benchmark.id(), benchmark.title(), yaml, actor, clock.instant())));
        catalog.register(benchmark);
        audit.record(existing.isPresent() ? "benchmark.replaced" : "benchmark.defined", benchmark.id(), null,
                benchmark.controls().count() + " controls", benchmark.title());
        events.publishEvent(new BenchmarkCatalogChanged(benchmark.id()));
        return benchmark;
    }

    private void loadStored() {
        for (var entity : stored.findAll()) {
            try {
                catalog.register(catalog.parseCustom(entity.getSourceYaml()));
            } catch (BenchmarkDefinitionException e) {
                // a rule renamed in a newer Posture must not stop the application; the benchmark is left out and said so
                log.error("Custom benchmark {} no longer loads and is left out: {}", entity.getId(), e.getMessage());
            }
        }
    }
}
