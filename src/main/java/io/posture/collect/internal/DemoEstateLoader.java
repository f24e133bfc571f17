package io.posture.collect.internal;

import io.posture.collect.HostReportViews.Tool;
import io.posture.collect.HostReports;
import io.posture.collect.ImageScans;
import io.posture.collect.ManifestImporter;
import io.posture.inventory.InventoryQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the demo estate (one folder of manifests per cluster under {@code sample-data/clusters},
 * kube-bench reports per node under {@code kube-bench/<cluster>}, docker-bench reports per Docker
 * host under {@code docker-bench}, Trivy and Grype image scans under {@code scans/trivy} and {@code scans/grype})
 * on a first start with an empty database, so a new user sees a living dashboard. The folder is
 * {@code posture.demo.path}; where it does not exist, the copy the jar carries is used.
 */
@Component
class DemoEstateLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEstateLoader.class);

    private final ManifestImporter importer;
    private final HostReports hostReports;
    private final ImageScans imageScans;
    private final InventoryQueries inventory;
    private final boolean enabled;
    private final Path demoPath;

    DemoEstateLoader(ManifestImporter importer, HostReports hostReports, ImageScans imageScans, InventoryQueries inventory,
                     @Value("${posture.demo.enabled:true}") boolean enabled,
                     @Value("${posture.demo.path:sample-data}") Path demoPath) {
        this.importer = importer;
        this.hostReports = hostReports;
        this.imageScans = imageScans;
        this.inventory = inventory;
        this.enabled = enabled;
        this.demoPath = demoPath;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !inventory.isEmpty()) {
            return;
        }
        if (Files.isDirectory(demoPath.resolve("clusters"))) {
            load(demoPath);
            return;
        }
        // started elsewhere than the project's folder (a container, an operator's empty folder): the jar's copy
        var copy = DemoEstateCopy.fromClassPath();
        if (copy.isEmpty()) {
            log.warn("Demo estate not loaded: {} does not exist and the class path holds none (set posture.demo.path)",
                    demoPath.resolve("clusters").toAbsolutePath());
            return;
        }
        try {
            load(copy.get());
        } finally {
            DemoEstateCopy.delete(copy.get());
        }
    }

    private void load(Path demoPath) {
        log.info("Loading the demo estate from {}", demoPath.toAbsolutePath());
        var clusters = demoPath.resolve("clusters");
        // scans first: the images they describe exist when the clusters are evaluated, so no cluster is evaluated twice
        for (var scanner : List.of("trivy", "grype")) {
            list(demoPath.resolve("scans").resolve(scanner)).filter(DemoEstateLoader::isJson).forEach(imageScans::importFile);
        }
        var loaded = list(clusters).filter(Files::isDirectory).toList();
        loaded.forEach(folder -> {
            var name = folder.getFileName().toString();
            importer.importPath(name, name.split("-")[0], folder);
            list(demoPath.resolve("kube-bench").resolve(name)).filter(DemoEstateLoader::isJson)
                    .forEach(report -> hostReports.importFile(Tool.KUBE_BENCH, name, report));
        });
        list(demoPath.resolve("docker-bench")).filter(DemoEstateLoader::isJson)
                .forEach(report -> hostReports.importFile(Tool.DOCKER_BENCH, null, report));
        log.info("Demo estate loaded: {} clusters", loaded.size());
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().endsWith(".json");
    }

    /** The entries of a folder in name order; none when it does not exist. */
    private static Stream<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (var entries = Files.list(folder)) {
            return entries.sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
