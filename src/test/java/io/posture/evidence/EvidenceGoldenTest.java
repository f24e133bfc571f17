package io.posture.evidence;

import io.posture.collect.ManifestImporter;
import io.posture.security.Roles;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV and JSON of a small, fixed cluster against golden files in src/test/resources/evidence.
 * Moments and database ids differ from run to run and are masked; everything else must match byte
 * for byte. After an intended change, delete a golden file and run the test once to write it anew.
 */
@SpringBootTest
class EvidenceGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/evidence");

    @Autowired
    EvidenceExports exports;
    @Autowired
    ManifestImporter importer;
    @Autowired
    Clock clock;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void resultsCsvAndJsonMatchTheGoldenFiles(@TempDir Path folder) throws IOException {
        write(folder, "ns.yaml", namespace("shop", "checkout"));
        write(folder, "api.yaml", deployment("shop", "api", "registry.example.com/shop/api:1.4.2", "{privileged: true}"));
        write(folder, "web.yaml", deployment("shop", "web", "registry.example.com/shop/web:2.0", """
                {allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}"""));
        importer.importPath("golden-cluster", "prod", folder);
        var scope = new ExportScope("pss-restricted", "golden-cluster", null, null, clock.instant(), null);

        var csv = as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.resultsCsv(scope)).content();
        var json = as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.json(scope)).content();

        matches("results.csv", maskCsv(new String(csv, StandardCharsets.UTF_8)));
        matches("evidence.json", maskJson(new String(json, StandardCharsets.UTF_8)));
    }

    private static void matches(String name, String actual) throws IOException {
        var golden = GOLDEN.resolve(name);
        if (!Files.exists(golden)) {
            Files.writeString(golden, actual);
            throw new AssertionError(golden + " did not exist and was written: look at it, commit it, run again");
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    private static String masked(String text) {
        return text.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<moment>");
    }

    /** The moments, and the finding, exception and task ids (the last four columns). */
    private static String maskCsv(String csv) {
        return masked(csv).replaceAll("(?m),\\d+,(OPEN|IN_PROGRESS|RESOLVED|EXCEPTED),(\\d*),(\\d*)$", ",<finding>,$1,<exception>,<task>");
    }

    private static String maskJson(String json) {
        return masked(json).replaceAll("\"(finding|id|task|exception)\" : \\d+", "\"$1\" : <id>");
    }
}
