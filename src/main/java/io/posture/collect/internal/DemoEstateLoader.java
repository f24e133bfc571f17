package io.posture.collect.internal;

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

/**
 * Loads the demo estate (one folder of manifests per cluster under {@code sample-data/clusters})
 * on a first start with an empty database, so a new user sees a living dashboard.
 */
@Component
class DemoEstateLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEstateLoader.class);

    private final ManifestImporter importer;
    private final InventoryQueries inventory;
    private final boolean enabled;
    private final Path demoPath;

    DemoEstateLoader(ManifestImporter importer, InventoryQueries inventory,
                     @Value("${posture.demo.enabled:true}") boolean enabled,
                     @Value("${posture.demo.path:sample-data}") Path demoPath) {
        this.importer = importer;
        this.inventory = inventory;
        this.enabled = enabled;
        this.demoPath = demoPath;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !inventory.isEmpty()) {
            return;
        }
        var clusters = demoPath.resolve("clusters");
        if (!Files.isDirectory(clusters)) {
            log.warn("Demo estate not loaded: {} does not exist (set posture.demo.path)", clusters.toAbsolutePath());
            return;
        }
        try (var folders = Files.list(clusters)) {
            folders.filter(Files::isDirectory).sorted().forEach(folder -> {
                var name = folder.getFileName().toString();
                importer.importPath(name, name.split("-")[0], folder);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
