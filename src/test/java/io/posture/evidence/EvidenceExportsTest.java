package io.posture.evidence;

import io.posture.cli.Cli;
import io.posture.collect.ManifestImporter;
import io.posture.security.Roles;
import io.posture.support.MutableClock;
import io.posture.support.MutableClockConfiguration;
import io.posture.support.SignedIn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evidence as of a moment: CSV that spreadsheets read safely, stable JSON, a signed package that verify checks. */
@SpringBootTest
@Import(MutableClockConfiguration.class)
class EvidenceExportsTest {

    @Autowired
    EvidenceExports exports;
    @Autowired
    ManifestImporter importer;
    @Autowired
    MutableClock clock;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void anExportAsOfAMomentShowsTheStateThenAndNothingLater(@TempDir Path folder) throws IOException {
        write(folder, "ns.yaml", namespace("shop", "checkout"));
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));
        importer.importPath("asof-cluster", "prod", folder);
        var before = clock.instant();
        clock.advance(Duration.ofDays(2));
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:2", "{allowPrivilegeEscalation: false}"));
        write(folder, "web.yaml", deployment("shop", "web", "shop/web:1", "{}"));
        importer.importPath("asof-cluster", "prod", folder);

        var then = rows(export(scope("asof-cluster", before)).resultsCsv());
        var now = rows(export(scope("asof-cluster", clock.instant())).resultsCsv());

        assertThat(then).extracting(row -> row.get("name")).containsOnly("api").doesNotContain("web");
        assertThat(then).filteredOn(row -> row.get("control").equals("privileged")).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("FAIL");
            assertThat(row.get("evidence_path")).isEqualTo("spec.template.spec.containers[name=api].securityContext.privileged");
            assertThat(row.get("observed_value")).isEqualTo("true");
            assertThat(row.get("finding")).isNotBlank();
            assertThat(row.get("finding_status")).isEqualTo("OPEN");
        });
        assertThat(now).extracting(row -> row.get("name")).contains("api", "web");
        assertThat(now).filteredOn(row -> row.get("control").equals("privileged") && row.get("name").equals("api"))
                .singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("PASS"));
        var objectsThen = new String(contentOf(export(scope("asof-cluster", before)).pkg(), "collected/asof-cluster.jsonl"), StandardCharsets.UTF_8);
        assertThat(objectsThen).as("the objects as they were then").contains("shop/api:1").doesNotContain("shop/api:2").doesNotContain("\"web\"");
        var findingsThen = rows(export(scope("asof-cluster", before)).findingsCsv());
        assertThat(findingsThen).filteredOn(row -> row.get("control").equals("privileged"))
                .singleElement().satisfies(row -> assertThat(row.get("status")).as("resolved only later").isEqualTo("OPEN"));
        assertThatThrownBy(() -> exports.resultsCsv(scope("asof-cluster", before))).as("only a signed-in compliance officer")
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> as("manager", Roles.SECURITY_MANAGER, () -> exports.resultsCsv(scope("asof-cluster", before))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void csvIsCorrectUnderCommasQuotesNewlinesAndFormulaCharacters(@TempDir Path folder) throws IOException {
        write(folder, "api.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: billing}
                spec:
                  template:
                    spec:
                      containers: [{name: api, image: "registry.example.com/a:1"}]
                      volumes: [{name: evil, hostPath: {path: '=HYPERLINK("http://evil.example","x, y")'}}]
                """);
        importer.importPath("csv-cluster", "prod", folder);

        var rows = rows(export(scope("csv-cluster", clock.instant())).resultsCsv());

        assertThat(rows).filteredOn(row -> row.get("control").equals("hostPathVolumes")).singleElement()
                .satisfies(row -> assertThat(row.get("observed_value")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x, y\")"));
        assertThat(rows).filteredOn(row -> row.get("evidence_path").contains("\n")).as("several evidence lines stay in one cell")
                .allSatisfy(row -> assertThat(row.get("observed_value").lines().count()).isEqualTo(row.get("evidence_path").lines().count()));
        assertThat(EvidenceExports.defused("-1+2")).isEqualTo("'-1+2");
        assertThat(EvidenceExports.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(EvidenceExports.defused("plain, with \"quotes\"\nand a newline")).isEqualTo("plain, with \"quotes\"\nand a newline");
        var raw = new String(export(scope("csv-cluster", clock.instant())).resultsCsv(), StandardCharsets.UTF_8);
        assertThat(raw).startsWith("cluster,namespace,team,kind,name,benchmark,section,control,title,severity,status,evidence_path,"
                + "observed_value,policy_version,evaluated_at,finding,finding_status,exception,task\r\n");
        assertThat(raw).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x, y\"\")\"");
    }

    @Test
    void theSameScopeAndMomentGiveTheSameContentAndThePackageVerifiesUntilAByteChanges(@TempDir Path folder) throws IOException {
        write(folder, "ns.yaml", namespace("shop", "checkout"));
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));
        write(folder, "secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\ndata: {password: c3VwZXJzZWNyZXQ=}\n");
        importer.importPath("package-cluster", "prod", folder);
        var moment = clock.instant();
        var scope = scope("package-cluster", moment);

        var first = export(scope);
        clock.advance(Duration.ofHours(1));
        var second = export(scope);

        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.resultsCsv()).isEqualTo(first.resultsCsv());
        var json = JsonMapper.builder().build().readTree(first.json());
        assertThat(json.path("schema").asString()).isEqualTo(EvidenceExports.JSON_SCHEMA);
        assertThat(json.path("summary").path("coverage").asDouble()).isBetween(0.0, 100.0);
        var pkg = first.pkg();
        var entries = entries(pkg);
        assertThat(entries).contains("manifest.json", "manifest.sig", "public-key.der", "results.csv", "findings.csv",
                "evidence.json", "audit-events.json");
        assertThat(contentOf(pkg, "results.csv")).isEqualTo(first.resultsCsv());
        assertThat(new String(contentOf(pkg, "collected/package-cluster.jsonl"), StandardCharsets.UTF_8)).contains("\"name\":\"api\"");
        for (var name : entries) {
            assertThat(new String(contentOf(pkg, name), StandardCharsets.ISO_8859_1)).as("no secret value in " + name)
                    .doesNotContain("c3VwZXJzZWNyZXQ=").doesNotContain("supersecret");
        }
        assertThat(contentOf(second.pkg(), "evidence.json")).isEqualTo(contentOf(pkg, "evidence.json"));

        var verified = EvidencePackages.verify(pkg);
        assertThat(verified.valid()).as(String.valueOf(verified.problems())).isTrue();
        assertThat(verified.keyFingerprint()).isEqualTo(exports.signingKeyFingerprint());

        var tampered = replace(pkg, "results.csv", bytes -> {
            bytes[bytes.length - 3] ^= 1;
            return bytes;
        });
        assertThat(EvidencePackages.verify(tampered).problems()).singleElement().asString().contains("results.csv was changed");
        var forgedManifest = replace(pkg, "manifest.json", bytes -> new String(bytes, StandardCharsets.UTF_8)
                .replace("\"schema\"", "\"schema\" ").getBytes(StandardCharsets.UTF_8));
        assertThat(EvidencePackages.verify(forgedManifest).problems()).anySatisfy(problem -> assertThat(problem).contains("signature does not match"));

        var file = folder.resolve("evidence.zip");
        Files.write(file, pkg);
        var tamperedFile = folder.resolve("tampered.zip");
        Files.write(tamperedFile, tampered);
        assertThat(cli("verify", file.toString(), "--key-fingerprint", exports.signingKeyFingerprint())).isZero();
        assertThat(cli("verify", tamperedFile.toString())).isEqualTo(1);
        assertThat(cli("verify", file.toString(), "--key-fingerprint", "00".repeat(32))).as("signed by another key").isEqualTo(1);
    }

    private record Exported(byte[] resultsCsv, byte[] findingsCsv, byte[] json, byte[] pkg) {
    }

    private Exported export(ExportScope scope) {
        return as("officer", Roles.COMPLIANCE_OFFICER, () -> new Exported(exports.resultsCsv(scope).content(),
                exports.findingsCsv(scope).content(), exports.json(scope).content(), exports.evidencePackage(scope).content()));
    }

    private static ExportScope scope(String cluster, Instant asOf) {
        return new ExportScope("pss-restricted", cluster, null, null, asOf, null);
    }

    private static List<CSVRecord> rows(byte[] csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)).getRecords();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        var names = new java.util.ArrayList<String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static byte[] contentOf(byte[] zip, String name) throws IOException {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static byte[] replace(byte[] zip, String name, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip)); var copy = new ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                var content = in.readAllBytes();
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(entry.getName().equals(name) ? change.apply(content) : content);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static int cli(String... args) {
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Cli.run(args, sink, sink);
    }
}
