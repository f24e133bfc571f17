package io.posture.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
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
import java.nio.file.Path;
import java.time.Clock;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

/** The OSCAL export is valid against NIST's published OSCAL 1.1.2 assessment-results JSON schema, and reproducible. */
@SpringBootTest
class OscalExportTest {

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
    void assessmentResultsAreSchemaValidAndTieFindingsToControlsAndObservations(@TempDir Path folder) throws IOException {
        write(folder, "ns.yaml", namespace("shop", "checkout"));
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));
        write(folder, "web.yaml", deployment("shop", "web", "shop/web:1", "{allowPrivilegeEscalation: false}"));
        importer.importPath("oscal-cluster", "prod", folder);
        var scope = new ExportScope("cis-kubernetes", "oscal-cluster", null, null, clock.instant(), null);

        var first = as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.oscal(scope)).content();
        var second = as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.oscal(scope)).content();

        var mapper = new ObjectMapper();
        var document = mapper.readTree(first);
        try (var schemaFile = getClass().getResourceAsStream("/schema/json/oscal-ar_schema.json")) {
            var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaFile);
            assertThat(schema.validate(document)).isEmpty();
            var broken = document.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("assessment-results").path("results").path(0)
                    .path("findings").path(0).path("target")).put("target-id", "5.2.2");
            assertThat(schema.validate(broken)).as("the schema is really applied: a target id must be a token").isNotEmpty();
        }
        assertThat(second).as("reproducible").isEqualTo(first);
        var result = document.path("assessment-results").path("results").path(0);
        assertThat(result.path("observations").size()).isPositive();
        var privileged = java.util.stream.StreamSupport.stream(result.path("findings").spliterator(), false)
                .filter(finding -> finding.path("target").path("target-id").asText().equals("cis-kubernetes-5.2.2"))
                .findFirst().orElseThrow();
        assertThat(privileged.path("target").path("status").path("state").asText()).isEqualTo("not-satisfied");
        assertThat(privileged.path("related-observations").size()).isEqualTo(1);
        assertThat(privileged.path("props").path(0).path("ns").asText()).isEqualTo("https://attack.mitre.org");
        assertThat(privileged.path("props").path(0).path("value").asText()).as("privileged containers: Escape to Host")
                .isEqualTo("T1611");
        assertThat(privileged.path("links").path(0).path("href").asText()).isEqualTo("https://attack.mitre.org/techniques/T1611/");
    }
}
