package io.posture.evidence;

import io.posture.collect.ManifestImporter;
import io.posture.evidence.Attestations.AttestationForm;
import io.posture.security.Roles;
import io.posture.support.MutableClock;
import io.posture.support.MutableClockConfiguration;
import io.posture.support.SignedIn;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.ZipInputStream;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Manual controls attested with a statement, a validity and a checked attachment; in exports while valid, and only then. */
@SpringBootTest
@Import(MutableClockConfiguration.class)
class AttestationsTest {

    static final String CONTROL = "5.3.1";

    @Autowired
    Attestations attestations;
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
    void anAttestationAppearsInExportsWhileValidWithItsAttachment(@TempDir Path folder) throws IOException {
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{}"));
        importer.importPath("attested", "prod", folder);
        var before = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var proof = "CNI: Cilium 1.16, NetworkPolicy enforced, checked with cilium status on all nodes".getBytes(StandardCharsets.UTF_8);
        long id = as("auditor", Roles.COMPLIANCE_OFFICER, () -> attestations.attest(new AttestationForm("cis-kubernetes", CONTROL, null,
                "The CNI in use (Cilium) supports and enforces NetworkPolicies.", today.plusDays(30), "cilium-status.txt", proof)));

        var scopeNow = new ExportScope("cis-kubernetes", null, null, null, clock.instant(), null);
        var json = JsonMapper.builder().build().readTree(as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.json(scopeNow)).content());
        assertThat(json.path("attestations")).singleElement().satisfies(node -> {
            assertThat(node.path("id").asLong()).isEqualTo(id);
            assertThat(node.path("control").asString()).isEqualTo(CONTROL);
            assertThat(node.path("attachment").path("type").asString()).isEqualTo("text/plain");
        });
        var pkg = as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.evidencePackage(scopeNow)).content();
        assertThat(entry(pkg, "attestations/" + id + "-cilium-status.txt")).isEqualTo(proof);
        assertThat(EvidencePackages.verify(pkg).valid()).isTrue();

        var earlier = new ExportScope("cis-kubernetes", null, null, null, before, null);
        assertThat(JsonMapper.builder().build().readTree(as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.json(earlier)).content())
                .path("attestations")).as("not made yet").isEmpty();
        clock.advance(Duration.ofDays(31));
        var later = new ExportScope("cis-kubernetes", null, null, null, clock.instant(), null);
        assertThat(JsonMapper.builder().build().readTree(as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.json(later)).content())
                .path("attestations")).as("expired").isEmpty();
    }

    @Test
    void onlyComplianceOfficersAttestOnlyManualControlsWithAStatementAndAFileOfAKnownType() {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThatThrownBy(() -> as("manager", Roles.SECURITY_MANAGER, () -> attestations.attest(new AttestationForm("cis-kubernetes", CONTROL,
                null, "A statement long enough.", today.plusDays(5), null, null)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attest("5.2.2", "A statement long enough.", today.plusDays(5), null))
                .hasMessageContaining("decided by Posture");
        assertThatThrownBy(() -> attest(CONTROL, "short", today.plusDays(5), null)).hasMessageContaining("10 to 4,000 characters");
        assertThatThrownBy(() -> attest(CONTROL, "A statement long enough.", today, null)).hasMessageContaining("after today");
        assertThatThrownBy(() -> attest(CONTROL, "A statement long enough.", today.plusDays(5), new byte[]{0x4d, 0x5a, 0, 1, 2}))
                .hasMessageContaining("PDF, PNG, JPEG or plain text");
        assertThatThrownBy(() -> attest(CONTROL, "A statement long enough.", today.plusDays(5), new byte[6 * 1024 * 1024]))
                .hasMessageContaining("larger than");
        assertThat(Attestations.typeOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
        assertThat(Attestations.typeOf(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0})).isEqualTo("image/png");
    }

    private long attest(String control, String statement, LocalDate until, byte[] attachment) {
        return as("auditor", Roles.COMPLIANCE_OFFICER, () -> attestations.attest(new AttestationForm("cis-kubernetes", control, null,
                statement, until, "proof.bin", attachment)));
    }

    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " not in the package");
    }
}
